// Sync through the window: the Sync section of Settings against a CouchDB-protocol server this
// spec starts (pouchdb-server on 127.0.0.1); an address typed with odd characters is refused with
// the https rule, a loopback one is taken and the status becomes "Up to date", and what a second
// notebook (opened here, in the test process, against the same server) adds appears in the window.
import type { Page } from '@playwright/test';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { openNotebook, type Notebook } from '../../electron/core/notebook';
import { expect, test } from '../hosts/app-host';
import { startCouchServer, type CouchServer } from '../unit/core/sync/server';
import { annotate, panelEntries, screenshot } from './support';

let server: CouchServer;
test.beforeAll(async () => {
  server = await startCouchServer();
});
test.afterAll(() => server?.dispose());

// The browser host keeps its settings (and sync's) beside the data folder: cleaned up here.
test.afterEach(async ({ dataDir }) => {
  for (const name of await readdir(dirname(dataDir))) {
    if (name.startsWith(`${basename(dataDir)}.`)) {
      await rm(join(dirname(dataDir), name), { recursive: true, force: true });
    }
  }
});

async function openSyncSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  const section = dialog.getByRole('region', { name: 'Sync' });
  await section.scrollIntoViewIfNeeded();
  return { dialog, section };
}

/** Turns sync on in Settings against `url`, and waits until it is up to date. */
async function turnOnSync(page: Page, url: string) {
  const { dialog, section } = await openSyncSettings(page);
  await section.getByLabel('Database address').fill(url);
  await section.getByRole('checkbox', { name: 'Sync this notebook' }).check();
  await section.getByRole('button', { name: 'Apply sync settings' }).click();
  await expect(section.getByLabel('Sync status')).toContainText('Up to date', {
    timeout: 30_000,
  });
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** Another analyst's notebook on this machine, syncing with the same database. */
async function otherNotebook(url: string): Promise<{ notebook: Notebook; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sync-e2e-other-'));
  const notebook = await openNotebook({
    dataDir: join(dir, 'notebook'),
    settingsFile: join(dir, 'settings.json'),
  });
  await notebook.handlers.setSync({ url, username: '', enabled: true });
  return {
    notebook,
    async close() {
      await notebook.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

test('sync is configured in Settings, goes up to date, and brings another notebook’s work', async ({
  host,
}) => {
  test.skip(host.kind !== 'browser', 'The server runs beside the browser host');
  const { page } = host;
  const { dialog, section } = await openSyncSettings(page);
  const address = section.getByLabel('Database address');
  const save = section.getByRole('button', { name: 'Apply sync settings' });

  // Odd characters, plain http to another machine: refused, in words, and nothing changes.
  await address.fill('http://exämple.org/ə ş ı İ/?x=]🌍');
  await section.getByLabel('User', { exact: true }).fill('Leyla / Əliyeva?');
  await section.getByLabel('Password').fill('p]ss/?🌍');
  await section.getByRole('checkbox', { name: 'Sync this notebook' }).check();
  await save.click();
  await expect(section.getByRole('alert')).toContainText('must start with https://');
  await expect(page.locator('.sync')).toHaveCount(0);

  // The test server, on this computer: taken; the password is not shown back.
  const url = server.db('e2e-team');
  await address.fill(url);
  await section.getByLabel('User', { exact: true }).fill('');
  await section.getByLabel('Password').fill('');
  await save.click();
  await expect(section.getByRole('alert')).toHaveCount(0);
  const status = section.getByLabel('Sync status');
  await expect(status).toContainText('Up to date', { timeout: 30_000 });
  await expect(status).toContainText(/sent/);
  await expect(section.getByLabel('Password')).toHaveValue('');
  await screenshot(page, 'sync-settings');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The library's mark says so too.
  const mark = page.locator('.head').getByRole('status');
  await expect(mark).toHaveText('Up to date');

  // What another notebook adds comes into the window: the article, with its text.
  const other = await otherNotebook(url);
  try {
    await expect
      .poll(async () => (await other.notebook.handlers.listArticles({})).length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await other.notebook.handlers.importText({
      title: 'Bakı / Gəncə? [sync] 🌍',
      text: 'Xəbər: ixrac artdı. İşsizlik azaldı.',
    });
    const arrived = page
      .getByRole('list', { name: 'Articles' })
      .getByText('Bakı / Gəncə? [sync] 🌍');
    await expect(arrived).toBeVisible({ timeout: 30_000 });
    await arrived.click();
    await expect(page.getByRole('article')).toContainText('İşsizlik azaldı.');
    await screenshot(page, 'sync-arrived');
  } finally {
    await other.close();
  }
});

test('a conflict the server reports opens from the library’s mark and is decided there', async ({
  host,
}) => {
  test.skip(host.kind !== 'browser', 'The server runs beside the browser host');
  const { page } = host;
  const url = server.db('e2e-conflict');
  await turnOnSync(page, url);
  await annotate(page, 'business circles', ['Economy'], 'from the window');
  const other = await otherNotebook(url);
  try {
    const h = other.notebook.handlers;
    const annotations = async () => {
      const all = [];
      for (const article of await h.listArticles({})) {
        all.push(...(await h.listAnnotations({ articleId: article.id })));
      }
      return all;
    };
    await expect.poll(async () => (await annotations()).length, { timeout: 30_000 }).toBe(1);
    const [shared] = await annotations();
    // Both change its comment before they meet again.
    await h.setSync({ url, username: '', enabled: false });
    await h.updateAnnotation({
      id: shared!.id,
      tagNames: ['Economy'],
      comment: 'from the other ə / ?',
    });
    await panelEntries(page).first().getByRole('button').click();
    const editor = page.getByRole('region', { name: 'Edit annotation' });
    await editor.getByLabel('Comment').fill('edited here ş ]');
    await editor.getByRole('button', { name: 'Save' }).click();
    const mark = page.locator('.head');
    await expect(mark.getByRole('status')).toHaveText('Up to date', { timeout: 30_000 });
    await h.setSync({ url, username: '', enabled: true });

    const conflicts = mark.getByRole('button', { name: '1 conflict to decide' });
    await expect(conflicts).toBeVisible({ timeout: 30_000 });
    await conflicts.click();
    const dialog = page.getByRole('dialog', { name: 'Sync conflicts' });
    await expect(dialog).toContainText('Comment: from the other ə / ?');
    await expect(dialog).toContainText('Comment: edited here ş ]');
    await screenshot(page, 'sync-conflicts');
    const theirs = await dialog
      .locator('.side', { hasText: 'The other version' })
      .locator('li')
      .first()
      .textContent();
    await dialog.getByRole('radio', { name: 'Take theirs' }).check();
    await dialog.getByRole('button', { name: 'Decide' }).click();
    await expect(dialog).toBeHidden();
    await expect(mark.getByRole('status')).toHaveText('Up to date', { timeout: 30_000 });
    const chosen = theirs!.replace('Comment: ', '');
    await expect(panelEntries(page).first()).toContainText(chosen);
    // The other notebook ends with the same, and no conflict.
    await expect
      .poll(async () => (await annotations())[0]?.comment, { timeout: 30_000 })
      .toBe(chosen);
    await expect.poll(async () => (await h.listSyncConflicts({})).length).toBe(0);
  } finally {
    await other.close();
  }
});
