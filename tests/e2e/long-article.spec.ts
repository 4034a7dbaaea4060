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
