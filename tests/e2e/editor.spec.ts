// The editors lose nothing and hide nothing: tag suggestions never cover the editor's own
// controls, a tag still being typed is saved, Esc asks before dropping changes, a left editor
// keeps its draft, the memo keeps what is typed during a save, and a quick double switch of
// articles shows the last one clicked.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../hosts/app-host';
import { annotate, openTab, panelEntries, reader, selectByMouse } from './support';

const editorOf = (page: Page) => page.getByRole('region', { name: 'Edit annotation' });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

const overlaps = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('tag suggestions never cover the editor’s controls, and a click outside adds nothing', async ({
  host,
}) => {
  const { page } = host;
  await annotate(page, 'food industry', ['energy', 'exports', 'Eurasia', 'events', 'ecology']);
  await annotate(page, 'business forums', ['economy']);
  await panelEntries(page).filter({ hasText: 'business forums' }).getByRole('button').click();
  const editor = editorOf(page);
  const tags = editor.getByRole('combobox', { name: 'Tags' });
  await tags.click();
  const list = page.getByRole('listbox', { name: 'Tag suggestions' });
  await expect(list.getByRole('option')).not.toHaveCount(0);
  const listBox = await box(list);
  for (const control of [
    editor.getByLabel('Comment'),
    editor.getByRole('button', { name: 'Save' }),
    editor.getByRole('button', { name: 'Cancel' }),
    editor.getByRole('button', { name: 'Delete' }),
  ]) {
    expect(overlaps(listBox, await box(control))).toBe(false);
  }

  // A click meant for the comment lands in the comment and adds no tag.
  const chips = editor.getByRole('list', { name: 'Chosen tags' }).getByRole('listitem');
  const before = await chips.count();
  await editor.getByLabel('Comment').click();
  await expect(editor.getByLabel('Comment')).toBeFocused();
  await expect(list).toBeHidden();
  await expect(chips).toHaveCount(before);
  await page.keyboard.type('typed where clicked');
  await expect(editor.getByLabel('Comment')).toHaveValue('typed where clicked');
});

test('Save takes a tag still being typed', async ({ host }) => {
  const { page } = host;
  await annotate(page, 'business forums', ['events']);
  await panelEntries(page).first().getByRole('button').click();
  const editor = editorOf(page);
  await editor.getByRole('combobox', { name: 'Tags' }).fill('pending/tag');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(panelEntries(page).first()).toContainText('pending/tag');
  await expect(panelEntries(page).first()).toContainText('events');
});

test('Esc asks before dropping a changed comment; a left editor keeps its draft', async ({
  host,
}) => {
  const { page } = host;
  await annotate(page, 'business forums', ['events'], 'saved words');
  await annotate(page, 'food industry', ['economy']);
  const forums = panelEntries(page).filter({ hasText: 'business forums' });
  const food = panelEntries(page).filter({ hasText: 'food industry' });

  await forums.getByRole('button').click();
  const comment = editorOf(page).getByLabel('Comment');
  await comment.fill('saved words, and second thoughts');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('alertdialog', { name: 'Discard changes?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(comment).toHaveValue('saved words, and second thoughts');

  // Going to another annotation keeps the draft, and says so.
  await food.getByRole('button').click();
  await expect(editorOf(page)).toContainText('food industry');
  await expect(forums).toContainText('Unsaved changes');
  await forums.getByRole('button').click();
  await expect(editorOf(page).getByLabel('Comment')).toHaveValue(
    'saved words, and second thoughts',
  );
  await expect(editorOf(page)).toContainText('Your unsaved changes are back.');

  // Esc, then Discard: the saved comment stands.
  await page.keyboard.press('Escape');
  await page
    .getByRole('alertdialog', { name: 'Discard changes?' })
    .getByRole('button', { name: 'Discard' })
    .click();
  await expect(editorOf(page)).toBeHidden();
  await expect(forums).toContainText('saved words');
  await expect(forums).not.toContainText('Unsaved changes');
  await expect(forums).not.toContainText('second thoughts');

  // Unchanged, Esc just closes.
  await forums.getByRole('button').click();
  await page.keyboard.press('Escape');
  await expect(editorOf(page)).toBeHidden();
});

test('the memo keeps what is typed while its save is on the way', async ({ host }) => {
  const { page } = host;
  // Hold each memo save for a second, as a slow disk would.
  await page.route('**/__api/setMemo', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  await openTab(page, 'Memo');
  const memo = page.getByRole('textbox', { name: /Memo/ });
  await memo.click();
  await page.keyboard.type('First thought.');
  await expect(page.getByText('Saving…')).toBeVisible({ timeout: 5000 });
  await page.keyboard.type(' Second thought, typed during the save.');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(memo).toHaveValue('First thought. Second thought, typed during the save.');

  await host.restart();
  await openTab(page, 'Memo');
  await expect(page.getByRole('textbox', { name: /Memo/ })).toHaveValue(
    'First thought. Second thought, typed during the save.',
  );
});

test('switching articles quickly shows the last one clicked', async ({ host }) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text as an article' });
  await paste.getByLabel('Text').fill('Second article\n\nIts one paragraph.');
  await paste.getByRole('button', { name: 'Import' }).click();
  await expect(reader(page).getByRole('heading', { name: 'Second article' })).toBeVisible();

  const articles = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  const sample = articles.filter({ hasText: 'Rufat Mammadov' });
  const second = articles.filter({ hasText: 'Second article' });
  // The sample's text is slow to arrive; the second article's is quick.
  const slowId = await sampleId(page);
  let held = 0;
  await page.route('**/__api/getArticle', async (route) => {
    if (route.request().postData()?.includes(slowId!) && held++ === 0) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    await route.continue();
  });
  await sample.getByRole('button').first().click();
  await second.getByRole('button').first().click();
  await expect(second).toHaveClass(/current/);
  await expect(reader(page).getByRole('heading', { name: 'Second article' })).toBeVisible();
  // After the slow answer has come back, still the last one clicked.
  await page.waitForTimeout(1800);
  await expect(reader(page).getByRole('heading', { name: 'Second article' })).toBeVisible();
  await expect(reader(page)).not.toContainText('Rufat Mammadov');
  await expect(second).toHaveClass(/current/);
});

/** The sample article's id, from the library's own call. */
async function sampleId(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    const notebook = (
      window as unknown as {
        notebook: {
          listArticles(i: object): Promise<{ value: Array<{ id: string; title: string }> }>;
        };
      }
    ).notebook;
    const { value } = await notebook.listArticles({});
    return value.find((a) => a.title.startsWith('Rufat'))?.id;
  });
}

test('a new annotation left for another article waits as a draft, to resume or discard', async ({
  host,
}) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text as an article' });
  await paste.getByLabel('Text').fill('Second article\n\nIts one paragraph.');
  await paste.getByRole('button', { name: 'Import' }).click();
  const articles = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(reader(page).getByRole('heading', { name: 'Second article' })).toBeVisible();
  await articles.filter({ hasText: 'Rufat Mammadov' }).getByRole('button').first().click();
  await expect(reader(page)).toContainText('business forums');

  await selectByMouse(page, 'business forums');
  await page.keyboard.press('Control+Enter');
  const editor = page.getByRole('region', { name: 'New annotation' });
  // While it is open, the passage keeps a mark of its own (the selection itself is gone).
  await expect
    .poll(() =>
      page.evaluate(() => [...(CSS.highlights.get('notebook-pending') ?? [])].map(String)),
    )
    .toEqual(['business forums']);
  await editor.getByLabel('Comment').fill('half a thought');
  await articles.filter({ hasText: 'Second article' }).getByRole('button').first().click();
  await expect(reader(page).getByRole('heading', { name: 'Second article' })).toBeVisible();
  await articles.filter({ hasText: 'Rufat Mammadov' }).getByRole('button').first().click();
  await expect(reader(page)).toContainText('business forums');

  const waiting = page.getByRole('list', { name: 'Unsaved new annotations' });
  await expect(waiting).toContainText('Unsaved new annotation on “business forums”');
  await waiting.getByRole('button', { name: 'Resume' }).click();
  await expect(editor.getByLabel('Comment')).toHaveValue('half a thought');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(panelEntries(page)).toHaveCount(1);
  await expect(waiting).toHaveCount(0);
});

test('leaving the text editor with changes asks first; Esc is Cancel', async ({ host }) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Edit text' }).click();
  const box = page.getByRole('textbox', { name: 'Article text' });
  await expect(box).toBeFocused();
  await box.press('ControlOrMeta+End');
  await page.keyboard.type(' An added sentence.');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Discard your edit of the text?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(box).toHaveValue(/An added sentence\.$/);

  // Another article while editing: the same question.
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text as an article' });
  await expect(paste.getByLabel('Text')).toBeFocused();
  await paste.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(box).toBeHidden();
  await expect(reader(page)).not.toContainText('An added sentence.');

  // Unchanged, Esc just closes.
  await page.getByRole('button', { name: 'Edit text' }).click();
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();
});

test('closing the window with a draft asks first; a memo typed just before is kept', async ({
  host,
}) => {
  const { page } = host;
  await openTab(page, 'Memo');
  const memo = page.getByRole('textbox', { name: /Memo/ });
  await memo.click();
  await page.keyboard.type('Typed a moment before the reload.');
  await page.reload();
  await reader(page).waitFor();
  await openTab(page, 'Memo');
  await expect(page.getByRole('textbox', { name: /Memo/ })).toHaveValue(
    'Typed a moment before the reload.',
  );

  await annotate(page, 'business forums', ['events']);
  await panelEntries(page).first().getByRole('button').click();
  await editorOf(page).getByLabel('Comment').fill('not saved yet');
  const asked = page.waitForEvent('dialog');
  // Staying on the page means the reload never finishes: give it a short while.
  const reload = page.reload({ timeout: 3000 }).catch(() => undefined);
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await reload;
  await expect(editorOf(page).getByLabel('Comment')).toHaveValue('not saved yet');
});

test('a click on a highlight already in view does not scroll the reader', async ({ host }) => {
  const { page } = host;
  await annotate(page, 'business forums', ['events']);
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  const scroller = page.locator('main .scroller');
  const before = await scroller.evaluate((el) => el.scrollTop);
  const point = await page.evaluate(() => {
    const run = [...document.querySelectorAll('article [data-s]')].find((r) =>
      r.textContent!.includes('business forums'),
    )!;
    const node = run.firstChild as Text;
    const range = document.createRange();
    const at = node.data.indexOf('business forums') + 3;
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
  await expect(editorOf(page)).toBeVisible();
  await page.getByRole('list', { name: 'Annotations' }).getByRole('button').first().click();
  await page.waitForTimeout(200);
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(before);
});

test('suggestions put names that start with what is typed first', async ({ host }) => {
  const { page } = host;
  await annotate(page, 'business forums', ['drivers', 'priorities', 'risks', 'Eurasia/rivers']);
  await selectByMouse(page, 'food industry');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('region', { name: 'New annotation' }).getByRole('combobox').fill('ri');
  const options = page.getByRole('listbox', { name: 'Tag suggestions' }).getByRole('option');
  await expect(options.first()).toHaveText('risks');
  await expect(options.nth(1)).toHaveText('Eurasia/rivers');
});
