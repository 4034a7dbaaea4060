// Merging another analyst's notebook through the window: two data folders, each coded by its own
// analyst (the browser host's NOTEBOOK_MERGE_SOURCE standing in for the folder dialog); the
// preview's counts and a tag both made, decided side by side; their passage in our reader; the
// report; and one undo taking the whole merge back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as hostTest } from '../hosts/app-host';
import { startBrowserHost } from '../hosts/browser-host';
import { answerFirstRun } from '../hosts/first-run';
import { annotate, panelEntries, screenshot } from './support';

const test = hostTest.extend<{ otherRoot: string }>({
  // eslint-disable-next-line no-empty-pattern
  otherRoot: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'notebook-merge-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

test('merges another notebook: a conflict decided side by side, their passage in, one undo', async ({
  browser,
  dataDir,
  otherRoot,
}, testInfo) => {
  test.skip(
    testInfo.project.name === 'electron',
    'The desktop app asks with a native folder dialog, which a test cannot answer',
  );
  // Their notebook: another analyst codes the same sample.
  const theirs = join(otherRoot, 'Şahin ə ı İ 🤝🏽 [notes]?');
  const other = await startBrowserHost(browser, theirs, { firstRun: 'leave' });
  try {
    await answerFirstRun(other.page, 'Şahin İsmayılov');
    await annotate(other.page, 'Russia', ['Trade'], 'Theirs: ş / ? ] 🤝🏽');
    await annotate(other.page, 'business forums', ['Energy/Qaz'], 'Theirs again');
  } finally {
    await other.close();
  }

  process.env.NOTEBOOK_MERGE_SOURCE = theirs;
  let host;
  try {
    host = await startBrowserHost(browser, dataDir, { firstRun: 'leave' });
  } finally {
    delete process.env.NOTEBOOK_MERGE_SOURCE;
  }
  const { page } = host;
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await answerFirstRun(page, 'Leyla Əliyeva');
    await annotate(page, 'Azerbaijan', ['Trade'], 'Ours ə');
    await expect(panelEntries(page)).toHaveCount(1);

    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge notebook' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('From “Şahin ə ı İ 🤝🏽 [notes]?”, coded by Şahin İsmayılov.');
    await expect(dialog).toContainText('Never merged with this notebook before.');
    await expect(dialog).toContainText('Adds 2 annotations and 2 tags.');
    const conflict = dialog.getByRole('group', { name: 'Same tag name: Trade' });
    await expect(conflict).toContainText('This notebook');
    await expect(conflict).toContainText('Şahin İsmayılov');
    await expect(conflict).toContainText('Leyla Əliyeva');
    await expect(conflict.getByRole('radio', { name: 'One code, ours' })).toBeChecked();
    await conflict.getByRole('radio', { name: 'Two codes' }).check();
    await screenshot(page, 'merge-preview');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();

    const report = dialog.getByRole('status', { name: 'What the merge did' });
    await expect(report).toContainText('Merged.');
    await expect(report).toContainText('Added 2 annotations and 3 tags.');
    await expect(report).toContainText('0 kept ours, 0 took theirs, 1 kept both.');
    await screenshot(page, 'merge-report');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    // Their passages are in our reader, with their comment as they typed it.
    await expect(panelEntries(page)).toHaveCount(3);
    await expect(panelEntries(page).filter({ hasText: 'Theirs: ş / ? ] 🤝🏽' })).toHaveCount(1);
    await page.getByRole('tab', { name: 'Codebook' }).click();
    await expect(page.getByRole('textbox', { name: 'Name of tag Trade', exact: true })).toHaveValue(
      'Trade',
    );
    await expect(
      page.getByRole('textbox', { name: 'Name of tag Trade (Şahin ə ı İ 🤝🏽 [notes]?)' }),
    ).toBeVisible();

    // One undo takes the whole merge back.
    await page.keyboard.press('Control+z');
    await expect(page.getByText('Undone: Merge notebook.', { exact: true }).first()).toBeVisible();
    await page.getByRole('tab', { name: 'Annotations' }).click();
    await expect(panelEntries(page)).toHaveCount(1);
    await expect(panelEntries(page).first()).toContainText('Ours ə');
  } finally {
    await host.close();
  }
});

test('says why a folder can’t be merged, and changes nothing', async ({
  browser,
  dataDir,
  otherRoot,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The folder comes from a native dialog there');
  process.env.NOTEBOOK_MERGE_SOURCE = otherRoot;
  let host;
  try {
    host = await startBrowserHost(browser, dataDir);
  } finally {
    delete process.env.NOTEBOOK_MERGE_SOURCE;
  }
  const { page } = host;
  try {
    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge notebook' });
    await expect(dialog.getByRole('alert')).toContainText('is not a notebook folder');
    await expect(dialog.getByRole('button', { name: 'Merge', exact: true })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  } finally {
    await host.close();
  }
});
