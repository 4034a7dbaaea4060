// Codebook and export through the UI: rename a tag and see it everywhere; export each format and
// check the file's content; restart on the same data folder and find everything again.
import { parse } from 'csv-parse/sync';
import * as yaml from 'js-yaml';
import { expect, test } from '../hosts/app-host';
import { SAMPLE_TITLE, annotate, exportVia, openTab, panelEntries } from './support';

const FIRST = 'industry, agriculture and the food industry';
const SECOND = 'joint tourist routes';

test.beforeEach(async ({ host }) => {
  await annotate(host.page, FIRST, ['economy', 'sectors'], 'Named sectors, "quoted", with a comma');
  await annotate(host.page, SECOND, ['tourism'], '=HYPERLINK("http://x")');
});

test('rename a tag and see it in the panel, the editor and the export', async ({ host }) => {
  const { page } = host;
  await openTab(page, 'Codebook');
  const codebook = page.getByRole('list', { name: 'Codebook' });
  await expect(codebook.getByRole('listitem')).toHaveCount(3);
  const name = codebook.getByLabel('Name of tag economy');
  // A name refused, with Enter: said once (Enter is one rename, not a keypress and a change
  // event), in words, and the field goes back to the name the tag has, keeping the keyboard. The
  // same name tried again is refused again, once.
  const refusal = page.getByRole('alert');
  for (let attempt = 0; attempt < 2; attempt++) {
    await name.fill('trade/tariffs');
    await name.press('Enter');
    await expect(refusal.locator('span')).toHaveText(
      'The request was refused: a tag’s name can’t hold “/”: it separates the names of a path.',
    );
    await expect(name).toHaveValue('economy');
    await expect(name).toBeFocused();
    await page.waitForTimeout(300); // a second refusal would have arrived by now
    await expect(refusal).toHaveCount(1);
    await refusal.getByRole('button', { name: 'Dismiss message' }).click();
    await name.focus();
  }
  await name.fill('economic cooperation');
  await name.press('Enter');
  await expect(codebook.getByLabel('Name of tag economic cooperation')).toBeVisible();

  await openTab(page, 'Annotations');
  await expect(panelEntries(page).first()).toContainText('economic cooperation');
  await expect(panelEntries(page).first()).not.toContainText(/\beconomy\b/);
  await panelEntries(page).first().getByRole('button').click();
  await expect(page.getByRole('list', { name: 'Chosen tags' })).toContainText(
    'economic cooperation',
  );
  await page.getByRole('button', { name: 'Cancel' }).click();

  const md = await host.captureExport((p) => exportVia(p, { format: /^Markdown notes/ }));
  expect(md.content).toContain('#economic-cooperation');
  expect(md.content).not.toContain('#economy');
});

test('merge and delete tags from the codebook', async ({ host }) => {
  const { page } = host;
  await openTab(page, 'Codebook');
  const codebook = page.getByRole('list', { name: 'Codebook' });
  const sectors = codebook
    .getByRole('listitem')
    .filter({ has: page.getByLabel('Name of tag sectors') });
  await sectors.getByRole('button', { name: 'Merge…' }).click();
  const merge = page.getByRole('dialog', { name: /Merge “sectors”/ });
  await merge.getByLabel('Merge into').selectOption({ label: 'tourism' });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(codebook.getByRole('listitem')).toHaveCount(2);
  const tourism = codebook
    .getByRole('listitem')
    .filter({ has: page.getByLabel('Name of tag tourism') });
  await expect(tourism).toContainText('2');

  await tourism.getByRole('button', { name: 'Delete…' }).click();
  const del = page.getByRole('dialog', { name: /Delete tag “tourism”/ });
  // The choice says exactly what it deletes: here one of the two annotations.
  await del
    .getByRole('radio', {
      name: 'Delete the one annotation that has only this tag (the other one just loses the tag)',
    })
    .check();
  await del.getByRole('button', { name: 'Delete tag' }).click();
  await expect(codebook.getByRole('listitem')).toHaveCount(1);
  await openTab(page, 'Annotations');
  // The tourism-only passage went with its tag; the other one kept its remaining tag.
  await expect(panelEntries(page)).toHaveCount(1);
  await expect(panelEntries(page).first()).toContainText(FIRST);
});

test('export Markdown, CSV and W3C JSON with the right content', async ({ host }) => {
  const { page } = host;
  await openTab(page, 'Memo');
  await page.getByRole('textbox', { name: /Memo/ }).fill('My **memo** on this article.');
  await page.keyboard.press('Tab');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  const md = await host.captureExport((p) => exportVia(p, { format: /^Markdown notes/ }));
  expect(md.content.startsWith('---\n')).toBe(true);
  const front = yaml.load(md.content.split('\n---\n')[0]!.slice(4)) as Record<string, unknown>;
  expect(front.title).toBe(SAMPLE_TITLE);
  expect(String(front['exported-at'])).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(md.content).toContain(`> ${FIRST}`);
  expect(md.content).toContain('#economy');
  expect(md.content).toContain('My **memo** on this article.');
  expect(md.content.indexOf(FIRST)).toBeLessThan(md.content.indexOf(SECOND));

  const csv = await host.captureExport((p) => exportVia(p, { format: /CSV for Excel/ }));
  expect(csv.content.charCodeAt(0)).toBe(0xfeff);
  const rows = parse(csv.content, { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(rows.map((r) => r.passage)).toEqual([FIRST, SECOND]);
  expect(rows[0]!.comment).toBe('Named sectors, "quoted", with a comma');
  expect(rows[1]!.comment).toBe(`'=HYPERLINK("http://x")`);
  expect(rows[0]!.tags!.split('\n').sort()).toEqual(['economy', 'sectors']);

  // The long CSV: one row per passage and tag, plain UTF-8, values as they are.
  const long = await host.captureExport((p) => exportVia(p, { format: /CSV, long/ }));
  expect(long.content.charCodeAt(0)).not.toBe(0xfeff);
  const longRows = parse(long.content, { columns: true }) as Array<Record<string, string>>;
  expect(longRows.map((r) => [r.passage, r.tag]).sort()).toEqual(
    [
      [FIRST, 'economy'],
      [FIRST, 'sectors'],
      [SECOND, 'tourism'],
    ].sort(),
  );
  expect(longRows.find((r) => r.passage === SECOND)!.comment).toBe('=HYPERLINK("http://x")');

  const json = await host.captureExport((p) => exportVia(p, { format: /W3C/, tags: ['tourism'] }));
  const collection = JSON.parse(json.content);
  expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(collection.type).toBe('AnnotationCollection');
  const items = collection.first.items;
  expect(items).toHaveLength(1);
  expect(items[0].type).toBe('Annotation');
  expect(items[0].body).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ purpose: 'tagging', value: 'tourism' }),
      expect.objectContaining({ purpose: 'commenting', value: '=HYPERLINK("http://x")' }),
    ]),
  );
  const quote = items[0].target.selector.find(
    (s: { type: string }) => s.type === 'TextQuoteSelector',
  );
  expect(quote.exact).toBe(SECOND);
});

test('restart on the same data folder and find everything again', async ({ host }) => {
  const { page } = host;
  await openTab(page, 'Memo');
  await page.getByRole('textbox', { name: /Memo/ }).fill('Memo that must survive.');
  await page.keyboard.press('Tab');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await host.restart();
  const p = host.page;
  await expect(p.getByRole('list', { name: 'Articles' })).toContainText('2 annotations');
  await expect(panelEntries(p)).toHaveCount(2);
  await expect(panelEntries(p).first()).toContainText(FIRST);
  await expect(panelEntries(p).first()).toContainText('Named sectors');
  const names = Object.keys(await p.evaluate(() => Object.fromEntries(CSS.highlights))).filter(
    (n) => n.startsWith('nb-tag-'),
  );
  expect(names.length).toBe(2);
  await openTab(p, 'Memo');
  await expect(p.getByRole('textbox', { name: /Memo/ })).toHaveValue('Memo that must survive.');
  await openTab(p, 'Codebook');
  await expect(p.getByRole('list', { name: 'Codebook' }).getByRole('listitem')).toHaveCount(3);
});

test('filter the panel by tag and text; the next/previous keys walk the passages', async ({
  host,
}) => {
  const { page } = host;
  await page.getByLabel('Filter by tag').selectOption({ label: 'tourism' });
  await expect(panelEntries(page)).toHaveCount(1);
  await expect(panelEntries(page).first()).toContainText(SECOND);
  await page.getByLabel('Filter by tag').selectOption({ label: 'All tags' });
  // In the select, "/" is typing (it jumps to an option), never the search shortcut.
  await page.getByLabel('Filter by tag').focus();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Filter by tag')).toBeFocused();
  await page.getByRole('article').focus();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search annotations')).toBeFocused();
  await page.keyboard.type('quoted');
  await expect(panelEntries(page)).toHaveCount(1);
  await page.getByLabel('Search annotations').fill('');
  // ] moves the current annotation; it does not open the editor, so it can be pressed again.
  await page.getByRole('article').focus();
  await page.keyboard.press(']');
  await expect(panelEntries(page).locator('[aria-current="true"]')).toContainText(FIRST);
  await page.keyboard.press(']');
  await expect(panelEntries(page).locator('[aria-current="true"]')).toContainText(SECOND);
  await expect(page.getByRole('region', { name: /annotation/i })).toHaveCount(0);
  // Enter opens the current one.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Edit annotation' })).toContainText(SECOND);
});

test('a typed path nests a tag, and the codebook exports by itself as CSV', async ({ host }) => {
  const { page } = host;
  // "economy" exists: the path puts a new "Trade" under it rather than making a second economy.
  await annotate(page, 'Russian-Azerbaijani', ['Economy/Trade'], '');
  const csv = await host.captureExport((p) => exportVia(p, { format: /^Codebook, CSV/ }));
  expect(csv.fileName).toMatch(/^notebook-codebook-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(csv.content, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((r) => [r.path, r.parent, r.annotations, r.annotations_with_subtags])).toEqual([
    ['economy', '', '1', '2'],
    ['economy/Trade', 'economy', '1', '1'],
    ['sectors', '', '1', '1'],
    ['tourism', '', '1', '1'],
  ]);
  // The chip names the tag by its path, so a name two parents share stays clear.
  await panelEntries(page)
    .filter({ hasText: 'Russian-Azerbaijani' })
    .getByRole('button')
    .first()
    .click();
  await expect(page.getByRole('list', { name: 'Chosen tags' })).toContainText('economy/Trade');
});
