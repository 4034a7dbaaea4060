// Search across everything as the analyst uses it: the shortcut, typing every kind of character,
// results grouped by where they were found, a click to the place, filters, ticking found
// passages, and "code all hits" with some hits unticked, taken back by one undo.
import { expect, test } from '../hosts/app-host';
import { annotate, openTab, panelEntries, reader, screenshot } from './support';

const field = (page: import('@playwright/test').Page) => page.getByLabel('Search everything');

test('Mod+Shift+F searches everything; a text hit opens with its words selected, ready to annotate', async ({
  host,
}) => {
  const { page } = host;
  await annotate(page, 'business forums', ['Economy/Trade'], 'Forums: çay / şirin? ] 🤝🏽');
  await reader(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+F');
  await expect(field(page)).toBeFocused();
  // Every kind of character goes into the field (the `/` and `?` keys are shortcuts elsewhere).
  await page.keyboard.type('şirin? / ] 🤝🏽');
  await expect(field(page)).toHaveValue('şirin? / ] 🤝🏽');
  const comments = page.getByRole('region', { name: 'Comments' });
  await expect(comments).toContainText('(1)');
  await expect(comments.locator('mark')).toHaveText(['şirin']);

  await field(page).fill('tourism');
  const inText = page.getByRole('region', { name: 'In the articles’ text' });
  await expect(inText).toBeVisible();
  await expect(inText.locator('mark').first()).toHaveText(/^tourism$/i);
  await inText.getByRole('button').first().click();
  await expect
    .poll(() => page.evaluate(() => document.getSelection()?.toString().toLowerCase()))
    .toBe('tourism');
  // The selection is the analyst's: the reader offers to annotate it, and one key does.
  // (Pressed only once the reader holds it: the article may still be arriving when the hit opens.)
  await expect(page.getByRole('button', { name: /^Annotate/ })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  const editor = page.getByRole('region', { name: 'New annotation' });
  await expect(editor).toBeVisible();
  await editor.getByRole('combobox').fill('Tourism');
  await editor.getByRole('combobox').press('Enter');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await openTab(page, 'Annotations');
  await expect(panelEntries(page)).toHaveCount(2);
});

test('filters combine, and a found passage opens in the panel', async ({ host }) => {
  const { page } = host;
  await annotate(page, 'business forums', ['Economy/Trade'], '');
  await annotate(page, 'food industry', ['Politics'], '');
  await page.getByRole('tab', { name: 'Search' }).click();
  await field(page).fill('business');
  const passages = page.getByRole('region', { name: 'Coded passages' });
  await expect(passages).toContainText('(1)');
  await page.getByText('Filters').click();
  await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'Economy' });
  // Narrowed to Economy (and below): the text hits are only inside its passages.
  const inText = page.getByRole('region', { name: 'In the articles’ text' });
  await expect(inText).toContainText('(1)');
  await screenshot(page, 'search');
  await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'Politics' });
  await expect(page.getByRole('status').filter({ hasText: 'Nothing found.' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(passages).toContainText('(1)');
  await passages.getByRole('button', { name: /business forums/ }).click();
  await expect(page.getByRole('tab', { name: 'Annotations' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(
    page.locator('[aria-current="true"]').filter({ hasText: 'business forums' }),
  ).toBeVisible();
});

test('code all hits: untick the wrong ones, code the rest in one step, undo it in one', async ({
  host,
}) => {
  const { page } = host;
  await page.getByRole('tab', { name: 'Search' }).click();
  await field(page).fill('business');
  await page.getByRole('button', { name: 'Code all hits…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Code all hits' });
  const hits = dialog.getByRole('list', { name: 'Hits' }).getByRole('checkbox');
  await expect(hits.first()).toBeVisible();
  const total = await hits.count();
  expect(total).toBeGreaterThan(3);
  await hits.nth(1).uncheck();
  await hits.nth(2).uncheck();
  await expect(dialog.getByRole('status')).toContainText(`${total - 2} hits of ${total} ticked`);
  await dialog.getByRole('group', { name: 'Code' }).getByLabel('their sentence').check();
  // Found again for the sentence scope: two hits in one sentence are one passage, all ticked.
  await expect(dialog.getByRole('status')).toContainText(/(\d+) hits of \1 ticked/);
  const sentences = await hits.count();
  expect(sentences).toBeLessThanOrEqual(total);
  await hits.nth(1).uncheck();
  const count = sentences - 1;
  await dialog.getByRole('combobox').fill('Economy/Business ə');
  await dialog.getByRole('combobox').press('Enter');
  await screenshot(page, 'code-all-hits');
  await dialog.getByRole('button', { name: `Code ${count} hits` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Coded: /).first()).toBeVisible();
  await openTab(page, 'Annotations');
  await expect(panelEntries(page)).not.toHaveCount(0);
  const coded = await panelEntries(page).count();
  expect(coded).toBeGreaterThan(0);
  expect(coded).toBeLessThanOrEqual(count);
  // Outside any field (a click on the text would open the passage coded at the top).
  await page.getByRole('tab', { name: 'Annotations' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByText(`Undone: Code ${count} hits.`).first()).toBeVisible();
  await expect(panelEntries(page)).toHaveCount(0);
});

test('found passages across the search: tick some, split them off into a new tag, undo it', async ({
  host,
}) => {
  const { page } = host;
  await annotate(page, 'business forums', ['Economy'], '');
  await annotate(page, 'food industry', ['Economy'], '');
  await annotate(page, 'tourism infrastructure', ['Economy'], '');
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByText('Filters').click();
  await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'Economy' });
  // No words: the filter lists the passages it keeps.
  const passages = page.getByRole('region', { name: 'Coded passages' });
  await expect(passages).toContainText('(3)');
  const boxes = passages.getByRole('checkbox', { name: /^Tick/ });
  await expect(boxes).toHaveCount(3);
  await boxes.nth(0).check();
  await boxes.nth(2).click({ modifiers: ['Shift'] });
  await expect(boxes.nth(1)).toBeChecked();
  await boxes.nth(1).uncheck();
  await expect(page.getByText('Move 2 ticked passages from “Economy” to a new tag')).toBeVisible();
  const split = page.getByRole('textbox', { name: /^Move 2 ticked passages/ });
  await split.fill('Trade / sectors? ] ə');
  await expect(split).toHaveValue('Trade / sectors? ] ə');
  await page.getByRole('button', { name: 'Split' }).click();
  // A tag's name holds no "/": refused, saying why, and nothing changed.
  await expect(page.getByText(/can’t hold “\/”/).first()).toBeVisible();
  await split.fill('Trade: sectors? ] ə');
  await page.getByRole('button', { name: 'Split' }).click();
  await expect(
    page.getByText('Moved 2 passages from “Economy” to “Trade: sectors? ] ə”.'),
  ).toBeVisible();
  await expect(passages).toContainText('(1)');
  await openTab(page, 'Annotations');
  await expect(panelEntries(page).filter({ hasText: 'Trade: sectors? ] ə' })).toHaveCount(2);
  await page.getByRole('tab', { name: 'Annotations' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone: Split tag.').first()).toBeVisible();
  await expect(panelEntries(page).filter({ hasText: 'Trade: sectors? ] ə' })).toHaveCount(0);
});
