// The core loop: select a passage, tag it twice, comment, see the highlight and the panel entry;
// open by clicking the highlight, edit, delete and undo; keyboard selection; overlaps.
import { expect, test } from '../hosts/app-host';
import {
  SAMPLE_TITLE,
  annotate,
  highlightTexts,
  panelEntries,
  reader,
  screenshot,
  selectByMouse,
} from './support';

const PASSAGE = 'industry, agriculture and the food industry';

test('first run shows the bundled sample once, titled from its first line', async ({ host }) => {
  const { page } = host;
  const articles = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(articles).toHaveCount(1);
  await expect(articles.first()).toContainText(SAMPLE_TITLE);
  await expect(articles.first()).toContainText('0 annotations');
  await expect(reader(page).getByRole('heading', { name: SAMPLE_TITLE })).toHaveCount(1);
  const text = await reader(page).innerText();
  expect(text.split(SAMPLE_TITLE).length - 1).toBe(1);
});

test('annotate a passage with two tags and a comment', async ({ host }) => {
  const { page } = host;
  await annotate(page, PASSAGE, ['economy', 'Russia ties'], 'Sectors named for *cooperation*.');

  const entry = panelEntries(page).first();
  await expect(panelEntries(page)).toHaveCount(1);
  await expect(entry).toContainText(PASSAGE);
  await expect(entry).toContainText('economy');
  await expect(entry).toContainText('Russia ties');
  // The comment is Markdown, shown formatted (and never as HTML).
  await expect(entry).toContainText('Sectors named for cooperation.');
  await expect(entry.locator('em')).toHaveText('cooperation');
  await expect(page.getByRole('list', { name: 'Articles' })).toContainText('1 annotation');

  const highlights = await highlightTexts(page);
  const painted = Object.entries(highlights).filter(([name]) => name.startsWith('nb-tag-'));
  expect(painted.flatMap(([, texts]) => texts)).toEqual([PASSAGE]);

  if (host.kind === 'browser') {
    await screenshot(page, 'notebook');
  }
});

test('clicking a highlight opens its annotation; edit, delete and undo', async ({ host }) => {
  const { page } = host;
  await annotate(page, PASSAGE, ['economy'], 'first comment');

  // Click in the middle of the highlighted passage.
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  const point = await page.evaluate((phrase) => {
    const run = [...document.querySelectorAll('article [data-s]')].find((r) =>
      r.textContent!.includes(phrase),
    )!;
    const node = run.firstChild as Text;
    const range = document.createRange();
    const at = node.data.indexOf(phrase) + 5;
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, PASSAGE);
  await page.mouse.click(point.x, point.y);
  const editor = page.getByRole('region', { name: 'Edit annotation' });
  await expect(editor).toBeVisible();
  await expect(editor.getByLabel('Comment')).toHaveValue('first comment');

  await editor.getByLabel('Comment').fill('edited comment');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(panelEntries(page).first()).toContainText('edited comment');

  await panelEntries(page).first().getByRole('button').click();
  await page
    .getByRole('region', { name: 'Edit annotation' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(panelEntries(page)).toHaveCount(0);
  expect(Object.keys(await highlightTexts(page)).filter((n) => n.startsWith('nb-tag-'))).toEqual(
    [],
  );

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(panelEntries(page)).toHaveCount(1);
  await expect(panelEntries(page).first()).toContainText('edited comment');
  const texts = Object.values(await highlightTexts(page)).flat();
  expect(texts).toContain(PASSAGE);
});

test('select with the keyboard, and overlapping passages stay visible', async ({ host }) => {
  const { page } = host;
  // Keyboard: put the caret before "Azerbaijan is a traditional", then Shift+Ctrl+Right by words.
  await page.evaluate(() => {
    const run = [...document.querySelectorAll('article [data-s]')].find((r) =>
      r.textContent!.includes('Azerbaijan is a traditional supplier'),
    )!;
    const node = run.firstChild as Text;
    document
      .getSelection()!
      .collapse(node, node.data.indexOf('Azerbaijan is a traditional supplier'));
  });
  await reader(page).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  await expect
    .poll(() => page.evaluate(() => document.getSelection()!.toString().trim()))
    .toBe('Azerbaijan is a traditional');
  await page.keyboard.press('Control+Enter');
  const editor = page.getByRole('region', { name: 'New annotation' });
  await editor.getByRole('combobox').fill('supply');
  await editor.getByRole('combobox').press('Enter');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(panelEntries(page)).toHaveCount(1);
  await expect(panelEntries(page).first()).toContainText('Azerbaijan is a traditional');

  // A longer passage around it, with another tag: both highlights and their overlap are drawn.
  await annotate(page, 'Azerbaijan is a traditional supplier of both agricultural', ['trade']);
  await expect(panelEntries(page)).toHaveCount(2);
  // A new tag's colour arrives with the codebook's refresh, a moment after the save.
  const tagTexts = async () =>
    Object.entries(await highlightTexts(page))
      .filter(([name]) => name.startsWith('nb-tag-'))
      .flatMap(([, t]) => t)
      .sort();
  await expect
    .poll(tagTexts)
    .toEqual([
      'Azerbaijan is a traditional',
      'Azerbaijan is a traditional supplier of both agricultural',
    ]);
  expect((await highlightTexts(page))['nb-overlap']).toEqual(['Azerbaijan is a traditional']);

  // Tag autocomplete offers codebook tags.
  await selectByMouse(page, 'processed products');
  await page.keyboard.press('Control+Enter');
  const combobox = page.getByRole('region', { name: 'New annotation' }).getByRole('combobox');
  await combobox.fill('tra');
  const suggestions = page.getByRole('listbox', { name: 'Tag suggestions' });
  await expect(suggestions.getByRole('option', { name: 'trade' })).toBeVisible();
  await expect(suggestions.getByRole('option', { name: 'Create tag “tra”' })).toBeVisible();
});
