// A long article through the UI: only what is near the viewport is in the DOM, scrolling brings
// the rest, and the panel jumps back to an annotation far away with its highlight drawn.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../hosts/app-host';
import { annotate, highlightTexts, importFile, panelEntries, reader } from './support';

const PARAGRAPHS = 3000;
const paragraph = (n: number) =>
  `Paragraph ${n}: the committee in Gəncə discussed ${n % 7 === 0 ? 'şəkər' : 'trade'} routes, ` +
  `ports and rail links at length, and agreed to meet again after the spring session.`;

test('a 3,000-paragraph article renders by chunk and scrolls to a distant annotation', async ({
  host,
  dataDir,
}) => {
  const { page } = host;
  const file = join(dataDir, 'long-report.txt');
  const body = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i + 1)).join('\n\n');
  await writeFile(file, `Long report\n\n${body}\n`);
  await importFile(page, file);
  await expect(reader(page).getByRole('heading', { name: 'Long report' })).toBeVisible();

  const mounted = await page.locator('article [data-s]').count();
  expect(mounted).toBeGreaterThan(5);
  expect(mounted).toBeLessThan(PARAGRAPHS / 5);

  await annotate(page, 'Paragraph 3: the committee', ['early']);

  // Scroll to the end: the last paragraph is rendered, the first one no longer is.
  await reader(page).evaluate((article) => {
    const scroller = article.parentElement!;
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(reader(page)).toContainText(`Paragraph ${PARAGRAPHS}:`);
  await expect(reader(page)).not.toContainText('Paragraph 3: the committee');

  // The panel brings the annotation back into view, highlighted.
  await panelEntries(page).first().getByRole('button').click();
  await expect(reader(page)).toContainText('Paragraph 3: the committee');
  await expect
    .poll(async () => Object.values(await highlightTexts(page)).flat())
    .toContain('Paragraph 3: the committee');
});

test('a heavily coded article: the coverage strip draws a path a tag, and a click on it opens the run there', async ({
  host,
  dataDir,
}) => {
  const { page } = host;
  const count = 600;
  const file = join(dataDir, 'coded-report.txt');
  const body = Array.from({ length: count }, (_, i) => paragraph(i + 1)).join('\n\n');
  await writeFile(file, `Coded report\n\n${body}\n`);
  await importFile(page, file);
  await expect(reader(page).getByRole('heading', { name: 'Coded report' })).toBeVisible();

  // Every paragraph coded at once: 600 runs, past what the strip draws as buttons.
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('searchbox').fill('committee');
  await page.getByRole('button', { name: 'Code all hits…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Code all hits' });
  await dialog.getByRole('group', { name: 'Code' }).getByLabel('their paragraph').check();
  await expect(dialog.getByRole('status')).toContainText(`${count} hits of ${count} ticked`);
  await dialog.getByRole('combobox').fill('Meetings/Committee');
  await dialog.getByRole('combobox').press('Enter');
  await dialog.getByRole('button', { name: `Code ${count} hits` }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name: 'Coverage' }).click();
  const analysis = page.getByRole('region', { name: 'Analysis' });
  // The open article is the one shown.
  await expect(analysis.getByLabel('Article', { exact: true })).toHaveValue(/.+/);
  const strip = page.getByRole('group', { name: /^Coverage strip of “Coded report”/ });
  await expect(strip).toBeVisible();
  // One path for the row, no element a run.
  await expect(strip.locator('path.plain-mark')).toHaveCount(1);
  await expect(strip.getByRole('button')).toHaveCount(0);

  // Click at 70% along the drawn row: the paragraph there opens, selected in the reader.
  const row = (await strip.locator('path.plain-mark').boundingBox())!;
  const share = 0.7;
  await page.mouse.click(row.x + row.width * share, row.y + row.height / 2);
  await expect(analysis).toBeHidden();
  await expect
    .poll(() => page.evaluate(() => document.getSelection()?.toString() ?? ''))
    .toMatch(/^Paragraph \d+: the committee/);
  const selected = await page.evaluate(() => document.getSelection()!.toString());
  const opened = Number(/^Paragraph (\d+):/.exec(selected)![1]);
  // The row starts at the title; each paragraph is 1/600 of the text, so a few either way.
  expect(Math.abs(opened - count * share)).toBeLessThan(count * 0.02);
  expect(selected).toBe(paragraph(opened));
});
