// Undo and redo as the analyst uses them: the keys outside a field, again and again, across
// kinds of change (an annotation, a tag rename, a merge), and never inside a field, where the
// field's own undo takes the typing back.
import { expect, test } from '../hosts/app-host';
import { annotate, openTab, panelEntries, reader } from './support';

const toast = (page: import('@playwright/test').Page, text: string) =>
  page.getByText(text, { exact: true }).first();

test('Mod+Z and Shift+Mod+Z walk back and forth through every kind of change', async ({ host }) => {
  const { page } = host;
  await annotate(page, 'business forums', ['Economy/Trade'], 'first');
  await annotate(page, 'food industry', ['Politics'], 'second');
  await openTab(page, 'Codebook');
  const rename = page.getByLabel('Name of tag Politics');
  await rename.fill('Policy / "state" ə');
  await expect(rename).toHaveValue('Policy / "state" ə');
  // A slash is refused in a name; without it the rename goes through.
  await rename.fill('Policy "state" ə');
  await rename.press('Enter');
  await expect(page.getByLabel('Name of tag Policy "state" ə')).toBeVisible();

  // Outside any field: the keys are the notebook's.
  await reader(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(toast(page, 'Undone: Rename tag.')).toBeVisible();
  await expect(page.getByLabel('Name of tag Politics')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(toast(page, 'Undone: Add annotation.')).toBeVisible();
  // One message for a run of undos, the latest: they don't pile up over the text.
  await expect(toast(page, 'Undone: Rename tag.')).toHaveCount(0);
  await openTab(page, 'Annotations');
  await expect(panelEntries(page)).toHaveCount(1);
  // Redo both ways the platforms spell it.
  await page.keyboard.press('Control+Shift+z');
  await expect(panelEntries(page)).toHaveCount(2);
  await page.keyboard.press('Control+y');
  await expect(toast(page, 'Redone: Rename tag.')).toBeVisible();
  await expect(panelEntries(page).filter({ hasText: 'second' })).toContainText('Policy "state" ə');
  await page.keyboard.press('Control+y');
  await expect(page.getByText('Nothing to redo.').first()).toBeVisible();

  // After a restart the changes stand (history is the session's, the notebook keeps them).
  await host.restart();
  await expect(panelEntries(page)).toHaveCount(2);
  await expect(panelEntries(page).filter({ hasText: 'first' })).toContainText('Economy/Trade');
});

test('inside a field Mod+Z undoes the typing, not the notebook', async ({ host }) => {
  const { page } = host;
  await annotate(page, 'business forums', ['economy'], '');
  await expect(panelEntries(page)).toHaveCount(1);
  const search = page.getByLabel('Search annotations');
  await search.click();
  await page.keyboard.type('abc/');
  await page.keyboard.press('Control+z');
  await expect(search).not.toHaveValue('abc/');
  await page.keyboard.press('Control+z');
  // The annotation is still there: the field's undo, twice, never reached the notebook's.
  await search.fill('');
  await expect(panelEntries(page)).toHaveCount(1);
});

test('change all shown annotations at once, and take the change back in one undo', async ({
  host,
}) => {
  const { page } = host;
  await annotate(page, 'business forums', ['economy'], 'one');
  await annotate(page, 'food industry', ['economy'], 'two');
  await annotate(page, 'tourism', ['travel'], 'three');
  // The search is the selection: the two economy passages.
  await page.getByLabel('Filter by tag').selectOption({ label: 'economy' });
  await expect(panelEntries(page)).toHaveCount(2);
  await page.getByRole('button', { name: /Change all 2 shown annotations/ }).click();
  await page.getByLabel('Add tag').fill('Region/Caucasus & "South" ə');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  for (const entry of await panelEntries(page).all()) {
    await expect(entry).toContainText('Region/Caucasus & "South" ə');
  }
  await page.getByLabel('Remove tag').selectOption({ label: 'economy' });
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  // Filtered by economy, nothing is shown any more; all tags again shows all three.
  await expect(panelEntries(page)).toHaveCount(0);
  await page.getByLabel('Filter by tag').selectOption({ label: 'All tags' });
  await expect(panelEntries(page)).toHaveCount(3);
  await expect(panelEntries(page).filter({ hasText: 'one' })).not.toContainText('economy');

  await page.getByLabel('Search annotations').fill('Region');
  await expect(panelEntries(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete 2 annotations…' }).click();
  await page
    .getByRole('dialog', { name: 'Delete annotations?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByLabel('Search annotations').fill('');
  await expect(panelEntries(page)).toHaveCount(1);

  await reader(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(toast(page, 'Undone: Delete 2 annotations.')).toBeVisible();
  await expect(panelEntries(page)).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(toast(page, 'Undone: Untag 2 annotations.')).toBeVisible();
  await expect(panelEntries(page).filter({ hasText: 'one' })).toContainText('economy');
});
