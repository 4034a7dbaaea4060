// An article's attributes (the analyst's own: outlet, country, period) are set in its details
// dialog: typed with every kind of character, saved, seen again, removed; two names for one
// attribute are refused and nothing changes; other articles' names are offered.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../hosts/app-host';
import { reader, screenshot } from './support';

const NAME = 'Outlet / site? [ə]';
const VALUE = 'Xəbər ] 🤝🏽 ş ı İ / ?';
const SECOND = 'Country';
const SECOND_VALUE = 'Azərbaycan/AZ?';

const detailsDialog = (page: Page) => page.getByRole('dialog', { name: 'Article details' });

async function openDetails(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Details…' }).click();
  const dialog = detailsDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Types into the field key by key, as an analyst does; the field must hold exactly that. */
async function typeInto(page: Page, field: Locator, text: string) {
  await field.click();
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
  await expect(field).toBeFocused();
}

const rows = (dialog: Locator) =>
  dialog.getByRole('list', { name: 'Attributes' }).getByRole('listitem');

test('add two attributes, see them again, remove one', async ({ host }) => {
  const { page } = host;
  let dialog = await openDetails(page);
  await expect(dialog.getByText('None yet.')).toBeVisible();

  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  // The new row's name has the keyboard already.
  await expect(dialog.getByLabel('Name of attribute 1')).toBeFocused();
  await typeInto(page, dialog.getByLabel('Name of attribute 1'), NAME);
  await typeInto(page, dialog.getByLabel('Value of attribute 1'), VALUE);
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  await typeInto(page, dialog.getByLabel('Name of attribute 2'), SECOND);
  await typeInto(page, dialog.getByLabel('Value of attribute 2'), SECOND_VALUE);
  // No shortcut fired while typing "/" and "?".
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await screenshot(page, 'article-attributes');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();

  dialog = await openDetails(page);
  await expect(rows(dialog)).toHaveCount(2);
  await expect(dialog.getByLabel('Name of attribute 1')).toHaveValue(NAME);
  await expect(dialog.getByLabel('Value of attribute 1')).toHaveValue(VALUE);
  await expect(dialog.getByLabel('Name of attribute 2')).toHaveValue(SECOND);
  await expect(dialog.getByLabel('Value of attribute 2')).toHaveValue(SECOND_VALUE);

  await dialog.getByRole('button', { name: `Remove attribute ${SECOND}` }).click();
  await expect(rows(dialog)).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();

  dialog = await openDetails(page);
  await expect(rows(dialog)).toHaveCount(1);
  await expect(dialog.getByLabel('Name of attribute 1')).toHaveValue(NAME);
  await expect(dialog.getByLabel('Value of attribute 1')).toHaveValue(VALUE);
  await expect(dialog.getByLabel('Name of attribute 2')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // And it was kept, not only shown: a restart reads it back from the notebook folder.
  await host.restart();
  dialog = await openDetails(page);
  await expect(dialog.getByLabel('Value of attribute 1')).toHaveValue(VALUE);
});

test('two names for one attribute are refused, and nothing changes', async ({ host }) => {
  const { page } = host;
  let dialog = await openDetails(page);
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  await typeInto(page, dialog.getByLabel('Name of attribute 1'), SECOND);
  await typeInto(page, dialog.getByLabel('Value of attribute 1'), 'AZ');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();

  dialog = await openDetails(page);
  await dialog.getByLabel('Title').fill('A title that must not be saved');
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  await typeInto(page, dialog.getByLabel('Name of attribute 2'), ' country ');
  await typeInto(page, dialog.getByLabel('Value of attribute 2'), 'RU');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    '“Country” and “country” are one attribute',
  );
  // A value without a name is refused too.
  await dialog.getByLabel('Name of attribute 2').fill('');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The value “RU” needs an attribute name.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  dialog = await openDetails(page);
  await expect(dialog.getByLabel('Title')).not.toHaveValue('A title that must not be saved');
  await expect(rows(dialog)).toHaveCount(1);
  await expect(dialog.getByLabel('Value of attribute 1')).toHaveValue('AZ');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('names other articles use are offered', async ({ host }) => {
  const { page } = host;
  let dialog = await openDetails(page);
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  await typeInto(page, dialog.getByLabel('Name of attribute 1'), NAME);
  await typeInto(page, dialog.getByLabel('Value of attribute 1'), VALUE);
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text as an article' });
  await paste.getByLabel(/Title/).fill('Second article');
  await paste.getByLabel('Text').fill('A second article, pasted.');
  await paste.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(paste).toBeHidden();
  await expect(reader(page)).toContainText('A second article, pasted.');

  dialog = await openDetails(page);
  await expect(dialog.getByLabel('Title')).toHaveValue('Second article');
  await expect(dialog.getByText('None yet.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  const name = dialog.getByLabel('Name of attribute 1');
  const offered = await dialog
    .locator(`datalist#${await name.getAttribute('list')} option`)
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(offered).toEqual([NAME]);
  await name.fill(NAME);
  const value = dialog.getByLabel('Value of attribute 1');
  const values = await dialog
    .locator(`datalist#${await value.getAttribute('list')} option`)
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(values).toEqual([VALUE]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});
