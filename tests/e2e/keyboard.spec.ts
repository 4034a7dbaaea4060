// The keyboard, pressed as people press it: again and again, on every platform's modifier, in
// tabs and lists, and never while typing.
import { expect, test } from '../hosts/app-host';
import { annotate, panelEntries, reader, selectByMouse } from './support';

const PASSAGES = [
  'Rufat Mammadov',
  'business forums',
  'food industry',
  'processed products',
  'tourism infrastructure',
  'Vestnik Kavkaza',
];

const current = (page: import('@playwright/test').Page) =>
  panelEntries(page).locator('[aria-current="true"]');

/** The passages in reading order, as the panel lists them. */
async function inReadingOrder(page: import('@playwright/test').Page) {
  const texts = await panelEntries(page).locator('.passage').allInnerTexts();
  return texts.map((t) => t.trim());
}

test('] pressed five times moves through five annotations, [ comes back, Enter opens', async ({
  host,
}) => {
  const { page } = host;
  for (const passage of PASSAGES) await annotate(page, passage, ['walk']);
  const order = await inReadingOrder(page);
  expect([...order].sort()).toEqual([...PASSAGES].sort());

  // The one just saved is current; ] goes on from it, round the end to the start.
  const from = order.indexOf(PASSAGES.at(-1)!);
  const nth = (i: number) => order[(from + i + order.length) % order.length]!;
  await reader(page).focus();
  for (let i = 1; i <= 5; i++) {
    await page.keyboard.press(']');
    await expect(current(page)).toContainText(nth(i));
    // Moving is all it does: no editor opens, focus stays where the analyst is.
    await expect(page.getByRole('region', { name: /annotation/i })).toHaveCount(0);
    await expect(reader(page)).toBeFocused();
  }
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(current(page)).toContainText(nth(3));
  await page.keyboard.press('Alt+ArrowDown');
  await expect(current(page)).toContainText(nth(4));

  // The current passage is scrolled into the reader's view.
  const passage = reader(page)
    .locator('[data-s]', { hasText: nth(4) })
    .first();
  await expect(passage).toBeInViewport();

  await page.keyboard.press('Enter');
  const editor = page.getByRole('region', { name: 'Edit annotation' });
  await expect(editor).toContainText(nth(4));
  // In the editor's fields the same keys type.
  await editor.getByLabel('Comment').fill('');
  await editor.getByLabel('Comment').press(']');
  await editor.getByLabel('Comment').press('[');
  await expect(editor.getByLabel('Comment')).toHaveValue('][');
  await expect(current(page)).toContainText(nth(4));
});

test('the side tabs follow the arrow keys, Home and End', async ({ host }) => {
  const { page } = host;
  const tab = (name: string) => page.getByRole('tab', { name });
  await tab('Annotations').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Review')).toBeFocused();
  await expect(tab('Review')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(tab('Search')).toBeFocused();
  await expect(page.getByLabel('Search everything')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(tab('Codebook')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('New tag name')).toBeVisible();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await expect(tab('Annotations')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(tab('Search')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(tab('Annotations')).toBeFocused();
  // One tab stop for the whole list: Tab leaves it.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Search annotations')).toBeFocused();
});

test('an article is deleted from the keyboard', async ({ host }) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text as an article' });
  await paste.getByLabel('Text').fill('Short note\n\nTo be deleted.');
  await paste.getByRole('button', { name: 'Import' }).click();
  const articles = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(articles).toHaveCount(2);
  // The dialog hands the keyboard back to what opened it when it closes; wait for that, as a
  // person would, before moving the focus ourselves.
  await expect(paste).toBeHidden();
  await expect(page.getByRole('button', { name: 'Paste text…' })).toBeFocused();

  await articles.first().getByRole('button').first().focus();
  await page.keyboard.press('Tab');
  const remove = page.getByRole('button', { name: 'Delete article Short note' });
  await expect(remove).toBeFocused();
  await expect(remove).toHaveCSS('opacity', '1');
  await page.keyboard.press('Enter');
  // The app asks in its own dialog, with "Cancel" first so a second Enter deletes nothing.
  const ask = page.getByRole('dialog', { name: 'Delete this article?' });
  await expect(ask).toContainText(
    /Delete “Short note”\? Undo \((Ctrl\+Z|⌘Z)\) brings it back until you close the app\./,
  );
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ask.getByRole('button', { name: 'Delete article' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(articles).toHaveCount(1);
  // As the question said: undo brings it back.
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(articles).toHaveCount(2);
  await expect(articles.filter({ hasText: 'Short note' })).toHaveCount(1);
});

test('shortcuts pressed twice do what they say once, and wait while a dialog is open', async ({
  host,
}) => {
  const { page } = host;
  await reader(page).focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await page.keyboard.press('?');
  await page.keyboard.press(']');
  await expect(help).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  // Keys are named for this platform, from the one table.
  await expect(help).toContainText('Ctrl+E');
  await expect(help).toContainText('Ctrl+Enter');
  // The adjudication view's own keys are listed too.
  await expect(help.getByRole('row', { name: /Adjudicating: keep both/ })).toContainText('Shift+B');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('Control+e');
  await page.keyboard.press('Control+e');
  const exportDialog = page.getByRole('dialog', { name: 'Export notes' });
  await expect(exportDialog).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(exportDialog).toBeHidden();

  // Undo with nothing to undo says so, twice, and changes nothing.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Nothing to undo.').first()).toBeVisible();
});

test('on a Mac the keys are Cmd, and the labels say ⌘', async ({ host }) => {
  const { page } = host;
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }),
  );
  await page.reload();
  await reader(page).waitFor();
  await expect(page.getByRole('button', { name: 'Export…' })).toHaveAttribute('title', /\(⌘E\)/);
  await selectByMouse(page, 'business forums');
  // Ctrl+Enter is not the Mac's annotate key (a moment to be sure nothing opens); Cmd+Enter is.
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(300);
  await expect(page.getByRole('region', { name: 'New annotation' })).toHaveCount(0);
  await page.keyboard.press('Meta+Enter');
  const editor = page.getByRole('region', { name: 'New annotation' });
  await expect(editor).toBeVisible();
  await expect(editor).toContainText('⌘↩ saves');
  await page.keyboard.press('Escape');
  await reader(page).focus();
  await page.keyboard.press('Meta+e');
  await expect(page.getByRole('dialog', { name: 'Export notes' })).toBeVisible();
});
