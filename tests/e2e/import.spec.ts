// Import through the UI: text, Markdown and web pages become articles; bad files get a clear
// message and change nothing; imported HTML never runs or renders as HTML.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../hosts/app-host';
import { SAMPLE_TITLE, annotate, importFile, panelEntries, reader } from './support';

const fixture = (name: string) => join(process.cwd(), 'tests', 'fixtures', 'e2e', name);
const articles = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Articles' }).getByRole('listitem');

test('import a text file with Azerbaijani letters and emoji, then annotate it', async ({
  host,
}) => {
  const { page } = host;
  await importFile(page, fixture('seki-notes.txt'));
  await expect(articles(page)).toHaveCount(2);
  await expect(reader(page).getByRole('heading', { name: 'Village notes' })).toBeVisible();
  await annotate(page, 'Şəki is a town', ['place']);
  await expect(panelEntries(page).first()).toContainText('Şəki is a town');
  const md = await host.captureExport(async (p) => {
    await p.getByRole('button', { name: 'Export…' }).click();
    await p
      .getByRole('dialog', { name: 'Export notes' })
      .getByRole('button', { name: 'Export' })
      .click();
  });
  expect(md.content).toContain('> Şəki is a town');
});

test('import a web page: only the article, as text, with nothing executed', async ({ host }) => {
  const { page } = host;
  await importFile(page, fixture('press-release.html'));
  const article = reader(page);
  await expect(
    article.getByRole('heading', { name: 'Trade forum opens in Baku' }).first(),
  ).toBeVisible();
  await expect(article).toContainText('We are building bridges between our markets');
  await expect(article.locator('blockquote')).toHaveCount(1);
  await expect(article.locator('.em')).toHaveText('annual');
  await expect(article.getByRole('link', { name: 'website' })).toHaveAttribute(
    'href',
    'https://forum.example.org/',
  );
  await expect(article.getByRole('link', { name: 'suspicious link' })).toHaveCount(0);
  await expect(article).toContainText('suspicious link should lose its target');
  await expect(article).not.toContainText('Subscribe to our newsletter');
  await expect(article).not.toContainText('window.__pwned');
  expect(await article.locator('img, script, style, iframe').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
  ).toBeUndefined();
  await expect(articles(page).first()).toContainText('news.example.org');
});

test('paste text as an article', async ({ host }) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste text as an article' });
  await dialog
    .getByLabel('Text')
    .fill('Pasted headline\n\nA pasted paragraph about <b>markup</b> that stays text.');
  await dialog.getByLabel(/Source/).fill('https://example.org/pasted');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(articles(page).first()).toContainText('Pasted headline');
  await expect(reader(page)).toContainText('<b>markup</b>');
});

test('bad files get a clear message and nothing saved changes', async ({ host }) => {
  const { page } = host;
  await annotate(page, 'industry, agriculture', ['economy'], 'must survive');
  const bad = [
    { file: fixture('picture.txt'), message: /picture\.txt.*not a text file/ },
    {
      file: { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      message: /empty\.txt.* is empty/,
    },
    {
      file: {
        name: 'slides.pptx',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('PK\u0003\u0004'),
      },
      message: /slides\.pptx.*can't be imported/,
    },
  ];
  for (const { file, message } of bad) {
    await importFile(page, file);
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
  }
  await expect(articles(page)).toHaveCount(1);
  await expect(articles(page).first()).toContainText(SAMPLE_TITLE);
  await expect(articles(page).first()).toContainText('1 annotation');
  await expect(panelEntries(page).first()).toContainText('must survive');
  await host.restart();
  await expect(articles(host.page)).toHaveCount(1);
  await expect(panelEntries(host.page).first()).toContainText('must survive');
});

test('a Markdown file keeps its front matter as details, its list numbers and its table', async ({
  host,
  dataDir,
}) => {
  const { page } = host;
  const file = join(dataDir, 'ports.md');
  await writeFile(
    file,
    '---\ntitle: Ports and tonnage\nauthor: [Leyla Əliyeva]\ndate: 2020-10-28\n---\n\n' +
      '# Ports and tonnage\n\n3. Dredging the channel\n4. A new berth\n\n' +
      '| Port | Tonnes |\n|---|---|\n| Aktau | 1.2 |\n| Baku | 1.8 |\n',
  );
  await importFile(page, file);
  await expect(reader(page).getByRole('heading', { name: 'Ports and tonnage' })).toBeVisible();
  // Front matter is details, not text.
  await expect(reader(page)).not.toContainText('author:');
  await expect(page.getByRole('main')).toContainText('Leyla Əliyeva · 2020-10-28');
  // Numbers come from the model and are drawn beside the text, never in it.
  const items = reader(page).locator('.list-item');
  await expect(items).toHaveCount(2);
  const markers = await items.evaluateAll((els) =>
    els.map((el) => getComputedStyle(el, '::before').content),
  );
  expect(markers).toEqual(['"3."', '"4."']);
  await expect(items.first()).toHaveText('Dredging the channel');
  // The table keeps its rows and cells, the header row marked.
  const rows = reader(page).locator('.table-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveClass(/header/);
  await expect(rows.nth(1).locator('.cell')).toHaveText(['Aktau\t', '1.2']);
  // Still there after a restart: the body keeps numbers and header rows as stored.
  await host.restart();
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: /^Ports and tonnage/ })
    .click();
  await expect(reader(page).locator('.list-item').first()).toHaveAttribute('data-number', '3');
});
