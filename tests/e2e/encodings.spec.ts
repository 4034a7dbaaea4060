// Legacy files through the UI: a guessed encoding is shown before anything is saved, with the
// text it gives, and the analyst can pick another; cancelling saves nothing.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { expect, test } from '../hosts/app-host';
import { importFile, reader, screenshot } from './support';

const WESTERN = 'Café notes\n\n“Quoted” words – a €5 fee… naïve, façade, Øresund.';
const CYRILLIC = 'Заметки о торговле между Россией и Азербайджаном, и о встречах в Баку.';

const articles = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Articles' }).getByRole('listitem');

test('a Windows-1252 file: preview, try another encoding, import with the right one', async ({
  host,
  dataDir,
}) => {
  const { page } = host;
  const file = join(dataDir, 'cafe-notes.txt');
  await writeFile(file, iconv.encode(WESTERN, 'windows-1252'));
  await importFile(page, file);

  const dialog = page.getByRole('dialog', { name: 'Check the text before importing' });
  await expect(dialog).toContainText('Western (Windows-1252)');
  const sample = dialog.getByLabel('Text preview');
  await expect(sample).toHaveText(WESTERN);

  // The wrong encoding shows wrong letters, before anything is saved...
  await dialog.getByLabel('Encoding').selectOption('windows-1251');
  await expect(sample).toContainText('Cafй notes');
  await expect(articles(page)).toHaveCount(1);
  // ...and the right one the right ones.
  await dialog.getByLabel('Encoding').selectOption('windows-1252');
  await expect(sample).toContainText('€5 fee… naïve');
  await screenshot(page, 'import-preview');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();

  await expect(articles(page)).toHaveCount(2);
  await expect(reader(page).getByRole('heading', { name: 'Café notes' })).toBeVisible();
  await expect(reader(page)).toContainText('“Quoted” words – a €5 fee… naïve, façade, Øresund.');
  await expect(page.getByRole('main')).toContainText('Western (Windows-1252)');
});

test('a page declaring its charset, and Chinese text in GB2312', async ({ host, dataDir }) => {
  const { page } = host;
  const html = join(dataDir, 'vesti.html');
  await writeFile(
    html,
    iconv.encode(
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Вести</title></head><body><article><h1>Вести</h1><p>${CYRILLIC}</p><p>${CYRILLIC}</p></article></body></html>`,
      'windows-1251',
    ),
  );
  await importFile(page, html);
  const dialog = page.getByRole('dialog', { name: 'Check the text before importing' });
  await expect(dialog).toContainText('Cyrillic (Windows-1251)');
  await expect(dialog).toContainText('declared by the page');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(reader(page)).toContainText(CYRILLIC);

  const chinese = join(dataDir, 'maoyi.txt');
  const text =
    '贸易笔记\n\n阿塞拜疆和俄罗斯的商界正在加强联系，双方讨论了农业、工业和旅游业的合作机会。';
  await writeFile(chinese, iconv.encode(text, 'gb2312'));
  await importFile(page, chinese);
  await expect(dialog).toContainText('Chinese Simplified');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(reader(page)).toContainText('阿塞拜疆和俄罗斯的商界正在加强联系');
});

test('cancelling the preview saves nothing', async ({ host, dataDir }) => {
  const { page } = host;
  const file = join(dataDir, 'latin.txt');
  await writeFile(file, iconv.encode(WESTERN, 'windows-1252'));
  await importFile(page, file);
  const dialog = page.getByRole('dialog', { name: 'Check the text before importing' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await host.restart();
  await expect(articles(page)).toHaveCount(1);
});
