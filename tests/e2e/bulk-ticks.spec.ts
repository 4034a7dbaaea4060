// Ticking rows of the annotations panel to change just those: clicks, Shift+click runs, Space on
// a row, "tick all"; the bulk change then reaches exactly the ticked rows, as one undo step, and
// a delete asks first. Ticks outlive scrolling the windowed list and drop out with a filter.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../hosts/app-host';
import { annotate, openTab, panelEntries, reader, screenshot } from './support';

// In reading order, each in its own paragraph or far enough apart to be its own row.
const PASSAGES = [
  'official event',
  'business forums',
  'Vestnik Kavkaza',
  'food industry',
  'joint tourist routes',
  'petrochemical spheres',
];
// A path: "Geo" and, under it, a name with every kind of character a name may hold ("/" only
// separates the names of a path).
const CHILD = 'Çay ə ş? İı] 🙂 "q" & <b>, #x';
const TAG = `Geo/${CHILD}`;

const box = (page: Page, passage: string) =>
  page.getByRole('checkbox', { name: `Tick “${passage}”`, exact: true });
const tickAll = (page: Page) =>
  page.getByRole('checkbox', { name: 'Tick all shown annotations', exact: true });
const row = (page: Page, passage: string) => panelEntries(page).filter({ hasText: passage });
/** The panel's line that counts what is shown and ticked. */
const counted = (page: Page, text: string) =>
  page.getByRole('tabpanel', { name: 'Annotations' }).getByText(text, { exact: true });
const toast = (page: Page, text: string) => page.getByText(text, { exact: true }).first();
const indeterminate = (checkbox: Locator) =>
  checkbox.evaluate((input) => (input as HTMLInputElement).indeterminate);

/** Clicks the reader's margin, so the keys that follow are the notebook's, not a field's. */
const leaveFields = (page: Page) => reader(page).click({ position: { x: 5, y: 5 } });

test('ticked rows get the tag, in one undo step; tick all, untick one, delete the rest', async ({
  host,
}) => {
  const { page } = host;
  for (const [i, passage] of PASSAGES.entries()) {
    await annotate(page, passage, ['seed'], `note ${i + 1}`);
  }
  await expect(panelEntries(page)).toHaveCount(6);
  await expect(page.getByRole('button', { name: /Change all 6 shown annotations/ })).toBeVisible();

  // Two by click, then a run by Shift+click from the last one ticked.
  await box(page, 'official event').click();
  await box(page, 'Vestnik Kavkaza').click();
  await box(page, 'joint tourist routes').click({ modifiers: ['Shift'] });
  const ticked = ['official event', 'Vestnik Kavkaza', 'food industry', 'joint tourist routes'];
  const unticked = ['business forums', 'petrochemical spheres'];
  for (const passage of ticked) await expect(box(page, passage)).toBeChecked();
  for (const passage of unticked) await expect(box(page, passage)).not.toBeChecked();
  // A tick is not a click on the row: no editor opened.
  await expect(page.getByRole('region', { name: 'Edit annotation' })).toHaveCount(0);
  await expect(tickAll(page)).not.toBeChecked();
  expect(await indeterminate(tickAll(page))).toBe(true);
  await expect(counted(page, '6 annotations, 4 ticked')).toBeVisible();
  // Another tab and back: the ticks are the notebook's, not the list's.
  await openTab(page, 'Codebook');
  await openTab(page, 'Annotations');
  await expect(counted(page, '6 annotations, 4 ticked')).toBeVisible();

  await page.getByRole('button', { name: /Change 4 ticked annotations/ }).click();
  await page.getByLabel('Add tag').fill(TAG);
  await screenshot(page, 'bulk-ticks');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(toast(page, `Tagged 4 annotations “${TAG}”.`)).toBeVisible();
  for (const passage of ticked) await expect(row(page, passage)).toContainText(TAG);
  for (const passage of unticked) await expect(row(page, passage)).not.toContainText(CHILD);
  // Done: the ticks are gone and the change is offered for all shown again.
  for (const passage of PASSAGES) await expect(box(page, passage)).not.toBeChecked();
  await expect(page.getByRole('button', { name: /Change all 6 shown annotations/ })).toBeVisible();
  // The codebook has the path: the parent and the child under it.
  await expect(page.getByLabel('Filter by tag').locator('option', { hasText: CHILD })).toHaveText(
    TAG,
  );

  // One undo takes it off all four.
  await leaveFields(page);
  await page.keyboard.press('Control+z');
  await expect(toast(page, 'Undone: Tag 4 annotations.')).toBeVisible();
  await expect(panelEntries(page).filter({ hasText: CHILD })).toHaveCount(0);
  await expect(panelEntries(page).filter({ hasText: 'seed' })).toHaveCount(6);

  // Tick all, untick one: the rest are deleted, after saying how many.
  await tickAll(page).click();
  for (const passage of PASSAGES) await expect(box(page, passage)).toBeChecked();
  await expect(tickAll(page)).toBeChecked();
  await box(page, 'food industry').click();
  expect(await indeterminate(tickAll(page))).toBe(true);
  await page.getByRole('button', { name: 'Delete 5 annotations…' }).click();
  const ask = page.getByRole('dialog', { name: 'Delete annotations?' });
  await expect(ask).toContainText('Delete these 5 annotations?');
  // Cancel first: nothing is deleted and the ticks stay.
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(panelEntries(page)).toHaveCount(6);
  await expect(box(page, 'official event')).toBeChecked();
  await page.getByRole('button', { name: 'Delete 5 annotations…' }).click();
  await ask.getByRole('button', { name: 'Delete' }).click();
  await expect(panelEntries(page)).toHaveCount(1);
  await expect(panelEntries(page)).toContainText('food industry');
  await expect(box(page, 'food industry')).not.toBeChecked();

  await leaveFields(page);
  await page.keyboard.press('Control+z');
  await expect(toast(page, 'Undone: Delete 5 annotations.')).toBeVisible();
  await expect(panelEntries(page)).toHaveCount(6);
  for (const [i, passage] of PASSAGES.entries()) {
    await expect(row(page, passage)).toContainText(`note ${i + 1}`);
  }
});

test('a tag the notebook refuses changes nothing and keeps the ticks', async ({ host }) => {
  const { page } = host;
  await annotate(page, 'business forums', ['seed'], 'one');
  await annotate(page, 'food industry', ['seed'], 'two');
  await box(page, 'food industry').click();
  await page.getByRole('button', { name: /Change 1 ticked annotation$/ }).click();
  // Nine levels: deeper than the codebook nests.
  const deep = 'Geo/Çay/ə/ş/İ/ı/]/?/🙂';
  await page.getByLabel('Add tag').fill(deep);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(toast(page, 'The codebook nests at most 8 levels deep.')).toBeVisible();
  await expect(page.getByLabel('Add tag')).toHaveValue(deep);
  await expect(box(page, 'food industry')).toBeChecked();
  await expect(page.getByLabel('Filter by tag').locator('option')).toHaveText(['All tags', 'seed']);
  await expect(panelEntries(page).filter({ hasText: 'Çay' })).toHaveCount(0);
});

test('Space ticks the focused row, ] and [ still step, ticks outlive scrolling and drop out with a filter or article', async ({
  host,
}) => {
  const { page } = host;
  // Forty one-word annotations, made through the bridge the UI uses: enough rows that the
  // windowed list renders only some of them.
  const made = await page.evaluate(async () => {
    const notebook = window.notebook!;
    const articles = await notebook.listArticles({});
    if (!articles.ok) return 0;
    const articleId = articles.value[0]!.id;
    const article = await notebook.getArticle({ id: articleId });
    if (!article.ok) return 0;
    const words = [...article.value.text.matchAll(/\p{L}{4,}/gu)].slice(20, 60);
    for (const [i, word] of words.entries()) {
      const created = await notebook.createAnnotation({
        articleId,
        start: word.index,
        end: word.index + word[0].length,
        tagNames: [i % 2 ? 'odd' : 'even'],
        comment: `seed ${i + 1}`,
      });
      if (!created.ok) return i;
    }
    return words.length;
  });
  expect(made).toBe(40);
  await expect(counted(page, '40 annotations')).toBeVisible();
  const rows = panelEntries(page);
  const rendered = await rows.count();
  expect(rendered).toBeLessThan(40);

  // Space on a focused row ticks it and opens nothing; ] and [ step as before.
  const second = rows.nth(1).getByRole('button');
  await second.focus();
  await page.keyboard.press(' ');
  await expect(rows.nth(1).getByRole('checkbox')).toBeChecked();
  await expect(page.getByRole('region', { name: 'Edit annotation' })).toHaveCount(0);
  await page.keyboard.press(']');
  await expect(rows.first().getByRole('button')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press(']');
  await expect(second).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('[');
  await expect(rows.first().getByRole('button')).toHaveAttribute('aria-current', 'true');
  // Enter on a row still opens it.
  await second.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Edit annotation' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Edit annotation' })).toHaveCount(0);
  await expect(rows.nth(1).getByRole('checkbox')).toBeChecked();

  // Scroll to the end, where the first rows are no longer rendered; Shift+click the last row:
  // the run reaches back to the second, across rows never drawn.
  const scroller = page.locator('.annotations-panel .scroller');
  await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(rows.filter({ hasText: 'seed 40' })).toHaveCount(1);
  // The second row (ticked) is no longer in the DOM.
  await expect(page.locator('li[aria-posinset="2"]')).toHaveCount(0);
  await rows
    .filter({ hasText: 'seed 40' })
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(counted(page, '40 annotations, 39 ticked')).toBeVisible();
  await scroller.evaluate((element) => (element.scrollTop = 0));
  await expect(rows.first().getByRole('checkbox')).not.toBeChecked();
  await expect(rows.nth(1).getByRole('checkbox')).toBeChecked();
  await expect(rows.nth(2).getByRole('checkbox')).toBeChecked();

  // A filter hides the even rows: their ticks drop out, and stay out when they show again.
  await page.getByLabel('Filter by tag').selectOption({ label: 'odd' });
  await expect(counted(page, '20 of 40 annotations, 20 ticked')).toBeVisible();
  await page.getByLabel('Filter by tag').selectOption({ label: 'All tags' });
  await expect(counted(page, '40 annotations, 20 ticked')).toBeVisible();
  await expect(page.getByRole('button', { name: /Change 20 ticked annotations/ })).toBeVisible();
  await expect(rows.nth(2).getByRole('checkbox')).not.toBeChecked();
  await expect(rows.nth(1).getByRole('checkbox')).toBeChecked();

  // Another article shows none of these rows, so every tick drops out; back again, none is left.
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text as an article' });
  await paste.getByLabel('Text').fill('Short note\n\nAbout şəkər, çay and İsmayıllı.');
  await paste.getByRole('button', { name: 'Import' }).click();
  await expect(paste).toBeHidden();
  const articles = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await articles.filter({ hasText: 'Short note' }).getByRole('button').first().click();
  await expect(counted(page, '0 annotations')).toBeVisible();
  await articles.filter({ hasText: 'Rufat Mammadov' }).getByRole('button').first().click();
  await expect(counted(page, '40 annotations')).toBeVisible();
  await expect(page.getByRole('button', { name: /Change all 40 shown annotations/ })).toBeVisible();
});
