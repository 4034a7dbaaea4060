// Who is coding: asked once, on a notebook's first run, with the account's name offered; then
// changed in Settings; and signed on what is coded after.
import type { Page } from '@playwright/test';
import { userInfo } from 'node:os';
import { expect, test as hostTest } from '../hosts/app-host';
import { startBrowserHost } from '../hosts/browser-host';
import { electronBinaryAvailable, startElectronHost } from '../hosts/electron-host';
import { firstRunDialog } from '../hosts/first-run';
import { annotate, panelEntries, reader, screenshot } from './support';

// The first-run question is this spec's: its host leaves it unanswered, after a restart too.
const test = hostTest.extend({
  host: async ({ browser, dataDir }, use, testInfo) => {
    const electron = testInfo.project.name === 'electron';
    test.skip(electron && !electronBinaryAvailable(), 'No Electron binary on this machine');
    const host = electron
      ? await startElectronHost(dataDir, { firstRun: 'leave' })
      : await startBrowserHost(browser, dataDir, { firstRun: 'leave' });
    await use(host);
    await host.close();
  },
});

/** Every kind of character a name may have, with spaces at the ends (they are not kept). */
const TYPED_NAME = `  Ləman "Lala" O'Brien / 🤝🏽 Əliyeva-Hüseynova  `;
const NAME = TYPED_NAME.trim();

const settingsButton = (page: Page) => page.getByRole('button', { name: 'Settings' });
const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Settings' });

test('the first run asks who is coding, once; Settings changes it; annotations carry it', async ({
  host,
}) => {
  const { page } = host;
  await page.setViewportSize({ width: 1280, height: 800 });
  const dialog = firstRunDialog(page);
  const name = dialog.getByLabel('Name');
  const initials = dialog.getByLabel('Initials');

  // The account's name is offered, selected: typing replaces it, Enter alone would accept it.
  await expect(dialog).toBeVisible();
  const suggested = userInfo().username;
  await expect(name).toHaveValue(suggested);
  await expect(name).toBeFocused();
  const selected = await name.evaluate((input: HTMLInputElement) => [
    input.selectionStart,
    input.selectionEnd,
  ]);
  expect(selected).toEqual([0, suggested.length]);
  await expect(dialog).toContainText(
    'Your name goes on every annotation, memo and codebook change you make, and into exports.',
  );
  await screenshot(page, 'first-run');
  await page.setViewportSize({ width: 720, height: 800 });
  await screenshot(page, 'first-run-720');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Escape does not leave the notebook without an analyst, however often it is pressed.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();

  // No name: refused in words, and the question stays.
  await name.fill('   ');
  await name.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText(
    'Type your name: it goes on everything you code.',
  );
  await expect(dialog).toBeVisible();

  // The initials follow the name as it is typed.
  await name.fill('');
  await name.pressSequentially('Ləman Ə');
  await expect(initials).toHaveValue('LƏ');
  await name.fill(TYPED_NAME);
  await expect(initials).toHaveValue('LƏ');
  await name.press('Enter');
  await expect(dialog).toBeHidden();
  // The keyboard goes to the article, where coding starts.
  await expect(reader(page)).toBeFocused();
  await expect(settingsButton(page)).toHaveAttribute(
    'title',
    `Settings: ${NAME} is coding (Ctrl+,)`,
  );
  await expect(settingsButton(page)).toContainText('LƏ');

  // Asked once: not again after a restart.
  await host.restart();
  await expect(firstRunDialog(page)).toBeHidden();
  await expect(settingsButton(page)).toContainText('LƏ');

  // Settings, by its key pressed twice (opened, closed, opened again) and by its button.
  await reader(page).focus();
  await page.keyboard.press('Control+,');
  await expect(settingsDialog(page)).toBeVisible();
  await expect(settingsDialog(page).getByLabel('Name')).toHaveValue(NAME);
  await page.keyboard.press('Escape');
  await expect(settingsDialog(page)).toBeHidden();
  await page.keyboard.press('Control+,');
  await expect(settingsDialog(page)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(settingsDialog(page)).toBeHidden();

  await settingsButton(page).click();
  const settings = settingsDialog(page);
  await expect(settings.getByLabel('Name')).toHaveValue(NAME);
  await expect(settings.getByLabel('Initials')).toHaveValue('LƏ');
  await screenshot(page, 'settings');
  await page.setViewportSize({ width: 720, height: 800 });
  await screenshot(page, 'settings-720');
  await page.setViewportSize({ width: 1280, height: 800 });
  // Initials that followed the name still do; once typed, they are the analyst's own.
  await settings.getByLabel('Name').fill('Ləman Hüseynova');
  await expect(settings.getByLabel('Initials')).toHaveValue('LH');
  await settings.getByLabel('Initials').fill('LəH');
  await settings.getByLabel('Name').fill('Ləman Əliyeva-Hüseynova');
  await expect(settings.getByLabel('Initials')).toHaveValue('LəH');
  await settings.getByLabel('Colour #7aa7f0').check();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  await expect(settingsButton(page)).toHaveAttribute(
    'title',
    'Settings: Ləman Əliyeva-Hüseynova is coding (Ctrl+,)',
  );
  await expect(settingsButton(page)).toContainText('LəH');

  // What is coded now carries who coded it: in the panel, and in the record.
  await annotate(page, 'business forums', ['walk']);
  const coder = panelEntries(page).filter({ hasText: 'business forums' }).locator('.coder');
  // The initials show; a screen reader hears the name after them.
  await expect(coder).toHaveText(/^LəH\s*\(Ləman Əliyeva-Hüseynova\)$/);
  await expect(coder.locator('.visually-hidden')).toHaveCSS('position', 'absolute');
  await expect(coder).toHaveAttribute('title', 'Coded by Ləman Əliyeva-Hüseynova');
  const signed = await page.evaluate(async () => {
    const notebook = window.notebook!;
    const analysts = await notebook.listAnalysts({});
    const articles = await notebook.listArticles({});
    if (!analysts.ok || !articles.ok) return null;
    const annotations = await notebook.listAnnotations({ articleId: articles.value[0]!.id });
    if (!annotations.ok) return null;
    return {
      analysts: analysts.value.map((a) => ({ name: a.name, color: a.color })),
      createdBy: annotations.value.map((a) => a.createdBy),
      analystId: analysts.value[0]!.id,
    };
  });
  expect(signed?.analysts).toEqual([{ name: 'Ləman Əliyeva-Hüseynova', color: '#7aa7f0' }]);
  expect(signed?.createdBy).toEqual([signed?.analystId]);
});
