// Every text field takes every character: all of printable ASCII (so "/", "?", "[" and "]" too,
// which are shortcuts elsewhere), Azerbaijani letters, an emoji, and in text areas a newline.
// Typed key by key as an analyst types, then the field's value must be exactly what was typed.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../hosts/app-host';
import { annotate, openTab, panelEntries, selectByMouse } from './support';

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
/** For one-line fields: Enter there is an action (add the tag, submit), not a character. */
const LINE = `${ASCII} ə ş ğ 🤝🏽`;
/** For text areas: the same with line breaks. */
const LINES = `${ASCII}\nə ş ğ\n🤝🏽 end`;

/** Empties the field the way a person would, then types `text` one key at a time. */
async function typeInto(page: Page, field: Locator, text: string) {
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

async function expectTyped(page: Page, field: Locator, text: string) {
  await typeInto(page, field, text);
  await expect(field).toHaveValue(text);
  // No shortcut fired on the way: no dialog opened, focus stayed in the field.
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await expect(field).toBeFocused();
}

test('every field of the annotation editor and the panel takes every character', async ({
  host,
}) => {
  const { page } = host;
  await selectByMouse(page, 'industry, agriculture');
  await page.keyboard.press('Control+Enter');
  const editor = page.getByRole('region', { name: 'New annotation' });
  const tags = editor.getByRole('combobox', { name: 'Tags' });
  await expectTyped(page, tags, LINE);
  // A tag name is at most 80 characters; this one has the awkward ones (its "/" nests b under a).
  const tag = 'a/b [c]? #d, e;f ə 🤝🏽';
  await expectTyped(page, tags, tag);
  await expectTyped(page, editor.getByLabel('Comment'), LINES);
  // Save takes the tag still being typed, and the comment exactly as typed.
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(panelEntries(page).first()).toContainText(tag);
  await panelEntries(page).first().getByRole('button').click();
  await expect(
    page.getByRole('region', { name: 'Edit annotation' }).getByLabel('Comment'),
  ).toHaveValue(LINES);
  await page.keyboard.press('Escape');

  await expectTyped(page, page.getByLabel('Search annotations'), LINE);
  await page.getByLabel('Search annotations').fill('');

  await openTab(page, 'Memo');
  await expectTyped(page, page.getByRole('textbox', { name: /Memo/ }), LINES);
});

test('the nested tag name and the URL from the reports can be typed', async ({ host }) => {
  const { page } = host;
  await annotate(
    page,
    'industry, agriculture',
    ['iqtisadiyyat/əməkdaşlıq'],
    'See https://example.org/a/b?c=d#e [x]',
  );
  const entry = panelEntries(page).first();
  await expect(entry).toContainText('iqtisadiyyat/əməkdaşlıq');
  await expect(entry).toContainText('See https://example.org/a/b?c=d#e [x]');
});

test('the codebook fields take every character; a rename to a path is refused, saying why', async ({
  host,
}) => {
  const { page } = host;
  await annotate(page, 'industry, agriculture', ['sectors']);
  await openTab(page, 'Codebook');
  await expectTyped(page, page.getByLabel('New tag name'), LINE);
  const name = page.getByLabel('Name of tag sectors');
  await expectTyped(page, name, 'economy/sectors');
  await page.keyboard.press('Enter');
  // A name holds no "/" (it separates a path's names): the core says so, nothing changes.
  await expect(page.getByRole('alert').filter({ hasText: '“/”' }).first()).toBeVisible();
  await expect(page.getByLabel('Name of tag sectors')).toBeVisible();
  await expectTyped(page, name, 'economy · sectors [x] ə 🤝');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name of tag economy · sectors [x] ə 🤝')).toHaveValue(
    'economy · sectors [x] ə 🤝',
  );
});

test('the paste dialog, the details and the text editor take every character', async ({ host }) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text as an article' });
  await expectTyped(page, paste.getByLabel(/Title/), LINE);
  await expectTyped(page, paste.getByLabel(/Source/), 'https://example.org/2024/05/04/news?id=1');
  await expectTyped(page, paste.getByLabel('Text'), LINES);
  await paste.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Details…' }).click();
  const details = page.getByRole('dialog', { name: 'Article details' });
  await expectTyped(page, details.getByLabel('Title'), LINE);
  await expectTyped(page, details.getByLabel(/Authors/), LINES);
  await expectTyped(page, details.getByLabel(/Published/), '2019/05/04 [approx.]');
  await expectTyped(page, details.getByLabel(/Source/), 'https://example.org/a/b?c=d');
  await expectTyped(page, details.getByLabel(/Publication/), LINE);
  await expectTyped(page, details.getByLabel(/Web address/), 'https://example.org/a/b?c=d&e=[f]#g');
  await expectTyped(page, details.getByLabel(/DOI/), 'doi:10.1000/ab(c)-1_2;3/ə');
  await details.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Edit text' }).click();
  await expectTyped(page, page.getByRole('textbox', { name: 'Article text' }), LINES);
});
