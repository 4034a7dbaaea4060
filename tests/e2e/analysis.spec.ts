// The Analysis view through the UI: opened with its button and with Ctrl+Shift+A (which toggles
// back), tag frequencies read from the table view, the measure switched, a co-occurrence cell
// listing its passages and one of them opened in the reader, the coverage strip opening the
// reader at a run, and each chart saved as SVG, PNG and CSV and read back with the tool for it,
// with no Content-Security-Policy violation on the way.
import { readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test, type AppHost } from '../hosts/app-host';
import { annotate, highlightTexts, screenshot } from './support';

const A = 'industry, agriculture and the food industry';
const B = 'joint tourist routes';
const C = 'joint projects in tourism education';
/** Inside A. */
const D = 'the food industry';
const E = 'tourism infrastructure';

const TRADE = 'Economy/Trade';
const SECTORS = 'Sectors: şəhər & kənd';
const TOURISM = 'Tourism [ə ş ı İ]?';

async function seed(page: Page) {
  await annotate(page, A, [TRADE, SECTORS], 'both');
  await annotate(page, B, [TOURISM]);
  await annotate(page, C, [TOURISM, TRADE]);
  await annotate(page, D, [SECTORS]);
  await annotate(page, E, [TOURISM]);
}

/** Collects the page's CSP violations from here on (none are expected). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
  });
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return async () => [
    ...logged,
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
  ];
}

const view = (page: Page) => page.getByRole('region', { name: 'Analysis' });
const chart = (page: Page, title: string | RegExp) =>
  view(page).getByRole('region', { name: title });

/** The table view's rows as {tag: [cells]}. */
async function tableOf(section: Locator): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const row of await section.locator('tbody tr').all()) {
    const head = (await row.locator('th').innerText()).trim();
    out[head] = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
  }
  return out;
}

async function showTable(section: Locator) {
  const toggle = section.getByRole('button', { name: 'Table' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(section.getByRole('table')).toBeVisible();
}

async function hideTable(section: Locator) {
  const toggle = section.getByRole('button', { name: 'Table' });
  if ((await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click();
  await expect(section.getByRole('table')).toBeHidden();
}

/**
 * Clicks a Save button and returns the saved file: the browser's download (its suggested name
 * and bytes), or in Electron the file the save dialog was answered with (named by the test).
 */
async function saved(host: AppHost, section: Locator, button: string) {
  const click = () => section.getByRole('button', { name: button }).click();
  if (host.kind === 'electron') {
    const file = await host.captureExport(click);
    return { name: null, bytes: await readFile(file.fileName) };
  }
  const [download] = await Promise.all([host.page.waitForEvent('download'), click()]);
  const bytes = await readFile(await download.path());
  const name = download.suggestedFilename();
  await expect(host.page.getByText(`Exported ${name} to your downloads.`)).toBeVisible();
  return { name, bytes };
}

/** An SVG file parsed: its root element's attributes and every piece of text it draws. */
function svgRoot(bytes: Buffer) {
  const text = bytes.toString('utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(text);
  const words: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string' || typeof node === 'number') words.push(String(node));
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) if (!key.startsWith('@')) walk(value);
    }
  };
  walk(parsed.svg);
  const root = parsed.svg as Record<string, unknown> | undefined;
  const attrs = Object.fromEntries(
    Object.entries(root ?? {})
      .filter(([key]) => key.startsWith('@'))
      .map(([key, value]) => [key.slice(1), String(value)]),
  );
  return { text, svg: root && attrs, words };
}

/** A PNG's width and height, from its IHDR chunk (after the 8-byte signature). */
function pngSize(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('frequencies, co-occurrence and coverage: counts, passages, the reader, and saved figures', async ({
  host,
}) => {
  const { page } = host;
  await seed(page);
  const violations = await watchCsp(page);

  // The button opens the view; Ctrl+Shift+A toggles it back and forth.
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await expect(view(page)).toBeVisible();
  await expect(page.getByRole('article')).toBeHidden();
  await page.keyboard.press('Control+Shift+A');
  await expect(view(page)).toBeHidden();
  await expect(page.getByRole('article')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Analysis', exact: true })).toBeVisible();
  await page.keyboard.press('Control+Shift+A');
  await expect(view(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back to article' })).toBeVisible();
  await expect(view(page)).toContainText('5 passages in 1 article');

  // Frequencies, read from the table view: passages, then characters coded.
  const frequencies = chart(page, 'Tag frequencies');
  const bars = frequencies.getByRole('img');
  await expect(bars).toHaveAttribute('aria-label', /Bar chart of passages per tag/);
  await screenshot(page, 'analysis-frequencies');
  await showTable(frequencies);
  expect(await tableOf(frequencies)).toEqual({
    Economy: ['0', '0'],
    [TRADE]: ['2', '0'],
    [SECTORS]: ['2', '0'],
    [TOURISM]: ['3', '0'],
  });
  await frequencies.getByRole('radio', { name: 'With subtags' }).check();
  await expect.poll(async () => (await tableOf(frequencies)).Economy).toEqual(['2', '0']);
  await frequencies.getByRole('radio', { name: 'Characters coded' }).check();
  await expect
    .poll(async () => tableOf(frequencies))
    .toEqual({
      Economy: [String(A.length + C.length), '0'],
      [TRADE]: [String(A.length + C.length), '0'],
      // D lies inside A: the characters they cover are counted once.
      [SECTORS]: [String(A.length), '0'],
      [TOURISM]: [String(B.length + C.length + E.length), '0'],
    });
  await frequencies.getByRole('radio', { name: 'Own' }).check();
  await frequencies.getByRole('radio', { name: 'Passages' }).check();
  await hideTable(frequencies);

  // Saved as SVG, PNG and CSV, each read back with the tool for it.
  const svgFile = await saved(host, frequencies, 'Save SVG');
  if (svgFile.name) expect(svgFile.name).toBe('tag-frequencies.svg');
  const { text, svg, words } = svgRoot(svgFile.bytes);
  expect(svg).toBeDefined();
  expect(svg!.xmlns).toBe('http://www.w3.org/2000/svg');
  expect(svg!.role).toBe('img');
  for (const name of [TRADE, SECTORS, TOURISM]) expect(words).toContain(name);
  expect(text).not.toMatch(/tabindex|<script|\son[a-z]+=/i);
  const png = await saved(host, frequencies, 'Save PNG');
  // Kept beside the run's other output, for a person to look at.
  await writeFile(test.info().outputPath('tag-frequencies.png'), png.bytes);
  if (png.name) expect(png.name).toBe('tag-frequencies.png');
  const viewBox = String(svg!.viewBox).split(' ').map(Number);
  expect(pngSize(png.bytes)).toEqual({ width: viewBox[2]! * 2, height: viewBox[3]! * 2 });
  const csv = await saved(host, frequencies, 'Save CSV');
  const rows = parse(csv.bytes.toString('utf8'), { bom: true }) as string[][];
  expect(rows[0]).toEqual(['Tag', 'Passages (own)', 'Passages without a place']);
  expect(rows.slice(1)).toEqual([
    ['Economy', '0', '0'],
    [TRADE, '2', '0'],
    [SECTORS, '2', '0'],
    [TOURISM, '3', '0'],
  ]);

  // Co-occurrence: a cell lists its passages; one of them opens in the reader.
  await view(page).getByRole('tab', { name: 'Co-occurrence' }).click();
  const map = chart(page, 'Co-occurrence of tags');
  const cell = map.getByRole('button', {
    name: `${TRADE} and ${SECTORS}: 2 overlaps; list the passages`,
  });
  await expect(cell).toBeVisible();
  await cell.click();
  const listed = page
    .getByRole('list', { name: 'Passages of the chosen cell' })
    .getByRole('listitem');
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: A })).toHaveCount(1);
  await expect(listed.filter({ hasText: D }).first()).toContainText(SECTORS);
  await dismissToasts(page);
  await screenshot(page, 'analysis-cooccurrence');
  // The same cell by keyboard, from the table view: Enter on its button closes the list again.
  await showTable(map);
  const tableCell = map
    .getByRole('table')
    .getByRole('button', { name: `${SECTORS} and ${TRADE}: 2 overlaps; list the passages` });
  await expect(tableCell).toHaveAttribute('aria-pressed', 'true');
  await tableCell.focus();
  await page.keyboard.press('Enter');
  await expect(listed).toHaveCount(0);
  await hideTable(map);
  // Enter on the focused cell in the map lists them again.
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(listed).toHaveCount(2);
  // The arrows move the one tab stop among the clickable cells: down from Trade × Sectors, the
  // nearest in the next row is Sectors × Trade (the diagonal and empty cells are not buttons).
  await page.keyboard.press('ArrowDown');
  await expect(
    map.getByRole('button', { name: `${SECTORS} and ${TRADE}: 2 overlaps; list the passages` }),
  ).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cell).toBeFocused();
  await expect(cell).toHaveAttribute('tabindex', '0');
  const svgMap = svgRoot((await saved(host, map, 'Save SVG')).bytes);
  expect(svgMap.svg!.role).toBe('img');
  expect(svgMap.words).toEqual(expect.arrayContaining([TRADE, SECTORS, TOURISM]));
  expect(svgMap.text).not.toMatch(/tabindex|role="button"/);

  // Opening the passage D (the one with Sectors only) lands in the reader on it.
  await listed
    .filter({ has: page.getByText(D, { exact: true }) })
    .getByRole('button')
    .click();
  await expect(view(page)).toBeHidden();
  await expect(page.getByRole('article')).toBeVisible();
  // It is the current annotation: marked in the panel, underlined in the text.
  const current = page.getByRole('list', { name: 'Annotations' }).locator('[aria-current="true"]');
  await expect(current).toContainText(D);
  await expect(current).not.toContainText('agriculture');
  await expect.poll(async () => (await highlightTexts(page))['nb-active']).toEqual([D]);

  // Coverage: a click on a run opens the reader there.
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await view(page).getByRole('tab', { name: 'Coverage' }).click();
  const strip = chart(page, 'Coverage along the article');
  await expect(strip.getByRole('group')).toHaveAttribute('aria-label', /3 tags/);
  await dismissToasts(page);
  // For a person to look at; only frequencies and co-occurrence go in the README.
  await page.screenshot({ path: 'reports/screenshots/analysis-coverage.png' });
  await strip
    .getByRole('button', { name: new RegExp(`^${escape(TOURISM)}: characters`) })
    .first()
    .click();
  await expect(view(page)).toBeHidden();
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(E);

  expect(await violations()).toEqual([]);
});

/** The screenshots show the charts, not the messages about earlier saves. */
async function dismissToasts(page: Page) {
  const buttons = page.getByRole('button', { name: 'Dismiss message' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('matrices by article and by attribute, one article’s frequencies, and the empty view', async ({
  host,
}) => {
  const { page } = host;
  const violations = await watchCsp(page);
  // Nothing coded yet: the view says what to do.
  await page.keyboard.press('Control+Shift+A');
  await expect(view(page)).toContainText(
    'No passages coded yet: select text in an article and tag it.',
  );
  await page.getByRole('button', { name: 'Back to article' }).click();

  await annotate(page, A, [TRADE, SECTORS]);
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text as an article' });
  const second = 'İkinci məqalə: “routes” & =plans 🌍';
  await paste.getByLabel('Title').fill(second);
  await paste
    .getByLabel('Text')
    .fill('Tourism grows.\n\nNew joint tourist routes open, and hotels.');
  await paste.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('article').getByText('New joint tourist routes open')).toBeVisible();
  await annotate(page, B, [TOURISM]);
  // Articles get attributes through the contract (the sample's country; the pasted one has none).
  const ids = await page.evaluate(async () => {
    const listed = await window.notebook!.listArticles({});
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.value.map((a) => ({ id: a.id, title: a.title }));
  });
  const sample = ids.find((a) => a.title !== second)!;
  const set = await page.evaluate(
    (id) =>
      window.notebook!.setArticleAttributes({ id, attributes: { 'Ölkə / country': 'Azərbaycan' } }),
    sample.id,
  );
  expect(set.ok).toBe(true);

  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await view(page).getByRole('tab', { name: 'Matrices' }).click();
  const byArticle = chart(page, 'Tags by article');
  await showTable(byArticle);
  const header = await byArticle.locator('thead th').allInnerTexts();
  expect(header.slice(1).sort()).toEqual([second, sample.title].sort());
  const secondColumn = header.indexOf(second) - 1;
  const table = await tableOf(byArticle);
  expect(Object.keys(table)).toEqual([TRADE, SECTORS, TOURISM]);
  expect(table[TOURISM]![secondColumn]).toBe('1');
  expect(table[TRADE]![secondColumn]).toBe('0');
  expect(table[TRADE]![1 - secondColumn]).toBe('1');
  // A title that starts like a formula is text in the CSV.
  const csv = await saved(host, byArticle, 'Save CSV');
  const rows = parse(csv.bytes.toString('utf8'), { bom: true }) as string[][];
  expect(rows[0]!.slice(1).sort()).toEqual([second, sample.title].sort());

  await view(page)
    .getByLabel('Attribute', { exact: true })
    .selectOption({ label: 'Ölkə / country' });
  const byAttribute = chart(page, 'Tags by Ölkə / country');
  await showTable(byAttribute);
  expect(await byAttribute.locator('thead th').allInnerTexts()).toEqual([
    'Tag',
    'Azərbaycan',
    '(none)',
  ]);
  expect(await tableOf(byAttribute)).toEqual({
    [TRADE]: ['1', '0'],
    [SECTORS]: ['1', '0'],
    [TOURISM]: ['0', '1'],
  });
  await hideTable(byAttribute);
  await dismissToasts(page);
  await page.screenshot({ path: 'reports/screenshots/analysis-matrices.png' });

  // One article's frequencies.
  await view(page).getByLabel('Articles', { exact: true }).selectOption({ label: second });
  await view(page).getByRole('tab', { name: 'Frequencies' }).click();
  const frequencies = chart(page, 'Tag frequencies');
  await showTable(frequencies);
  await expect
    .poll(() => tableOf(frequencies))
    .toEqual({
      Economy: ['0', '0'],
      [TRADE]: ['0', '0'],
      [SECTORS]: ['0', '0'],
      [TOURISM]: ['1', '0'],
    });
  await expect(view(page)).toContainText('1 passage in 1 article');
  // In Electron's smallest window the view still fits beside the panel (for a person to look at).
  await page.setViewportSize({ width: 720, height: 480 });
  await page.screenshot({ path: 'reports/screenshots/analysis-720.png' });
  // The figures stay light (a page for a paper) in the dark theme.
  await page.setViewportSize({ width: 1400, height: 850 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await hideTable(frequencies);
  await page.screenshot({ path: 'reports/screenshots/analysis-dark.png' });

  expect(await violations()).toEqual([]);
});
