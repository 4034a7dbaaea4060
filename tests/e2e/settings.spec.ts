// Settings through the window: the theme (dark at once, seen in a screenshot), the reader's text
// size and width (the reader's computed style), spelling and updates fields typed into with
// every kind of character, all kept after a reload and a restart; and moving the notebook to
// another folder (the browser host's NOTEBOOK_MOVE_TARGET standing in for the folder dialog),
// its data still there after a reload and when the new folder is opened on its own.
import type { Page } from '@playwright/test';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { expect, test as hostTest } from '../hosts/app-host';
import { startBrowserHost } from '../hosts/browser-host';
import { annotate, panelEntries, reader, SAMPLE_TITLE, screenshot } from './support';

const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Settings' });

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settingsDialog(page)).toBeVisible();
  return settingsDialog(page);
}

const readerStyle = (page: Page) =>
  reader(page).evaluate((el) => {
    const style = getComputedStyle(el);
    return { fontSize: style.fontSize, maxWidth: style.maxWidth, width: el.clientWidth };
  });

const pageColours = (page: Page) =>
  page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    background: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.body).color,
  }));

const DARK_BG = 'rgb(23, 24, 27)';
const LIGHT_BG = 'rgb(251, 250, 247)';

// Settings files live beside the data folder (the browser host's choice): cleaned up here.
const test = hostTest.extend<{ moveRoot: string }>({
  // eslint-disable-next-line no-empty-pattern
  moveRoot: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'notebook-move-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

test.afterEach(async ({ dataDir }) => {
  for (const name of await readdir(dirname(dataDir))) {
    if (name.startsWith(`${basename(dataDir)}.`)) {
      await rm(join(dirname(dataDir), name), { recursive: true, force: true });
    }
  }
});

test('the theme, the reader and the other settings apply at once and are kept', async ({
  host,
}) => {
  const { page } = host;
  await page.setViewportSize({ width: 1280, height: 800 });
  // The machine's own preference is light here: "As the system" shows light.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(reader(page)).toContainText(SAMPLE_TITLE);
  await expect.poll(async () => (await pageColours(page)).theme).toBe('system');
  expect((await pageColours(page)).background).toBe(LIGHT_BG);

  const settings = await openSettings(page);
  await expect(settings.getByRole('radio', { name: 'As the system' })).toBeChecked();
  await settings.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(async () => (await pageColours(page)).background).toBe(DARK_BG);
  expect((await pageColours(page)).theme).toBe('dark');
  await screenshot(page, 'settings-dark');

  // Text size: anything but a whole number in range is refused beside the field, changing nothing.
  const before = await readerStyle(page);
  expect(before.fontSize).toBe('17px');
  const size = settings.getByLabel('Text size');
  for (const typed of ['2ə', '18/?]', '🤝🏽', 'İ ı ş', '16.5', '-3', '']) {
    await size.fill(typed);
    await size.press('Enter');
    await expect(settings.getByRole('alert')).toHaveText(
      'Type a whole number of pixels from 12 to 28.',
    );
  }
  for (const typed of ['29', '11', '400']) {
    await size.fill(typed);
    await size.press('Enter');
    await expect(settings.getByRole('alert')).toHaveText(
      'Type a whole number of pixels from 12 to 28.',
    );
  }
  expect((await readerStyle(page)).fontSize).toBe('17px');
  await size.fill(' 22 ');
  await size.press('Enter');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => (await readerStyle(page)).fontSize).toBe('22px');
  // The article's heading grows with it (sized in em, not in the window's rem).
  const headingSize = () =>
    reader(page)
      .locator('h2.heading')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await expect.poll(headingSize).toBeCloseTo(22 * 1.45, 0);

  // Width: the reader's column follows at once.
  await settings.getByLabel('Width of the text').selectOption({ label: 'Narrow' });
  await expect.poll(async () => (await readerStyle(page)).maxWidth).toBe('544px');
  await settings.getByLabel('Width of the text').selectOption({ label: 'The whole pane' });
  await expect.poll(async () => (await readerStyle(page)).maxWidth).toBe('none');

  // Spelling: a language tag, or nothing; anything else is refused in words.
  const language = settings.getByLabel('Language of the spell-checker');
  for (const typed of ['ə ş ı İ', 'en/GB', 'de?', 'az]', '🤝🏽']) {
    await language.fill(typed);
    await language.press('Enter');
    await expect(settings.getByRole('alert')).toContainText('Type a language tag like en-GB');
  }
  await language.fill('az');
  await language.press('Enter');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  await settings.getByLabel('Check spelling as I type').uncheck();
  await expect(language).toBeDisabled();

  // Updates: off until a feed is given; only an https:// address is a feed.
  const look = settings.getByLabel('Look for updates');
  await expect(look).not.toBeChecked();
  await look.click();
  await expect(settings.getByRole('alert')).toContainText('Type the update feed’s address first');
  await expect(look).not.toBeChecked();
  const feed = settings.getByLabel('Update feed');
  for (const typed of ['http://example.org/feed', 'example.org', 'ftp://ə.az/?]', '🤝🏽']) {
    await feed.fill(typed);
    await feed.press('Enter');
    await expect(settings.getByRole('alert')).toHaveText(
      'Type the update feed’s full address, starting with https://.',
    );
  }
  const FEED = 'https://updates.example.org/notebook/ə ş?channel=[beta]&x=🤝🏽';
  await feed.fill(FEED);
  await feed.press('Enter');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  await look.check();
  await expect(look).toBeChecked();

  // Close is no Save: the settings stay, who is coding is untouched.
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(settings).toBeHidden();
  await screenshot(page, 'settings-dark-reader');

  // Kept: after a reload, and after a restart of the app.
  const expectKept = async () => {
    await expect(reader(page)).toContainText(SAMPLE_TITLE);
    await expect.poll(async () => (await pageColours(page)).background).toBe(DARK_BG);
    await expect.poll(async () => (await readerStyle(page)).fontSize).toBe('22px');
    expect((await readerStyle(page)).maxWidth).toBe('none');
    const again = await openSettings(page);
    await expect(again.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(again.getByLabel('Text size')).toHaveValue('22');
    await expect(again.getByLabel('Language of the spell-checker')).toHaveValue('az');
    await expect(again.getByLabel('Check spelling as I type')).not.toBeChecked();
    await expect(again.getByLabel('Update feed')).toHaveValue(FEED);
    await expect(again.getByLabel('Look for updates')).toBeChecked();
    await again.getByRole('button', { name: 'Close' }).click();
  };
  await page.reload();
  await expectKept();
  await host.restart();
  await expectKept();

  // Light, chosen, wins over a dark system; "As the system" follows it again.
  await page.emulateMedia({ colorScheme: 'dark' });
  const back = await openSettings(page);
  await back.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(async () => (await pageColours(page)).background).toBe(LIGHT_BG);
  await back.getByRole('radio', { name: 'As the system' }).check();
  await expect.poll(async () => (await pageColours(page)).background).toBe(DARK_BG);
});

test.describe('moving the notebook', () => {
  test('moves to the folder given, keeps the old one, and the data is there after a reload', async ({
    browser,
    dataDir,
    moveRoot,
  }, testInfo) => {
    test.skip(
      testInfo.project.name === 'electron',
      'The desktop app asks with a native folder dialog, which a test cannot answer',
    );
    const target = join(moveRoot, 'Notebook ə ş ı İ 🤝🏽 [2026]?');
    process.env.NOTEBOOK_MOVE_TARGET = target;
    let host;
    try {
      host = await startBrowserHost(browser, dataDir);
    } finally {
      delete process.env.NOTEBOOK_MOVE_TARGET;
    }
    const { page } = host;
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await annotate(page, 'business forums', ['Trade ə/ş'], 'Before the move 🤝🏽');

      const settings = await openSettings(page);
      await expect(settings.locator('code').first()).toHaveText(dataDir);
      await settings.getByRole('button', { name: 'Move the notebook to…' }).click();
      await expect(settings.getByRole('status')).toContainText('Moved. The notebook is now in');
      await expect(settings.getByRole('status')).toContainText(target);
      await expect(settings.locator('code').first()).toHaveText(target);
      await settings.getByRole('status').scrollIntoViewIfNeeded();
      await screenshot(page, 'settings-moved');
      await settings.getByRole('button', { name: 'Close' }).click();

      // The old folder is kept under a new name; the new one holds the notebook.
      const beside = await readdir(dirname(dataDir));
      expect(beside).not.toContain(basename(dataDir));
      expect(beside.some((n) => n.startsWith(`${basename(dataDir)}.moved-`))).toBe(true);
      expect(await readdir(target)).toEqual(expect.arrayContaining(['notebook.json', 'bodies']));

      // Saving goes on, into the new folder; after a reload everything is there.
      await annotate(page, 'Russia', ['Trade ə/ş'], 'After the move');
      await page.reload();
      await expect(reader(page)).toContainText(SAMPLE_TITLE);
      await expect(panelEntries(page)).toHaveCount(2);
      await expect(panelEntries(page).filter({ hasText: 'Before the move 🤝🏽' })).toHaveCount(1);
    } finally {
      await host.close();
    }

    // The new folder, opened on its own, is the whole notebook.
    const moved = await startBrowserHost(browser, target);
    try {
      await expect(reader(moved.page)).toContainText(SAMPLE_TITLE);
      await expect(panelEntries(moved.page)).toHaveCount(2);
      await expect(moved.page.getByRole('dialog', { name: 'Who is coding?' })).toBeHidden();
    } finally {
      await moved.close();
    }
  });

  test('without a target, the browser host refuses in words and nothing moves', async ({
    host,
    dataDir,
  }) => {
    const { page } = host;
    const settings = await openSettings(page);
    await settings.getByRole('button', { name: 'Move the notebook to…' }).click();
    await expect(settings.getByRole('alert')).toContainText(
      'Moving the notebook needs the desktop app',
    );
    await expect(settings.locator('code').first()).toHaveText(dataDir);
    expect(await readdir(dataDir)).toContain('notebook.lock');
  });
});
