// The codebook as a tree, through the UI: tags typed as paths nest, counts roll up, guidance
// takes every character, tags move with the select and with the mouse, refusals are shown and
// change nothing, merge and delete say where the children go, and the change log tells it all.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../hosts/app-host';
import { TEST_ANALYST } from '../hosts/first-run';
import { annotate, openTab, screenshot } from './support';

const FIRST = 'industry, agriculture and the food industry';
const SECOND = 'joint tourist routes';
const THIRD = 'business forums';

const codebook = (page: Page) => page.getByRole('list', { name: 'Codebook' });
const nameField = (page: Page, path: string) =>
  page.getByRole('textbox', { name: `Name of tag ${path}`, exact: true });
const nameOf = (page: Page, path: string) => codebook(page).locator(nameField(page, path));
/** A tag's item: the innermost of the items holding its name (its parents' hold it too). */
const item = (page: Page, path: string) =>
  codebook(page)
    .getByRole('listitem')
    .filter({ has: nameField(page, path) })
    .last();
const ownCount = (page: Page, path: string) =>
  item(page, path).getByTitle('Annotations with this tag', { exact: true }).first();
const total = (page: Page, path: string) =>
  item(page, path)
    .getByTitle(/or a tag below it/)
    .first();
const grip = (page: Page, path: string) =>
  item(page, path).getByTitle('Drag onto another tag to move it there').first();

/** Each tag's path and level, in the order the tree shows them. */
async function outline(page: Page): Promise<string[]> {
  const items = codebook(page).getByRole('listitem');
  const out: string[] = [];
  for (const li of await items.all()) {
    const level = await li.getAttribute('aria-level');
    const name = await li
      .getByRole('textbox', { name: /^Name of tag / })
      .first()
      .getAttribute('aria-label');
    out.push(`${level} ${name!.replace('Name of tag ', '')}`);
  }
  return out;
}

/** Drags with the mouse, as an analyst does: press on `from`, move a little, then onto `to`. */
async function drag(page: Page, from: Locator, to: () => Locator) {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 6, a.y + a.height / 2 + 6, { steps: 3 });
  // The target is looked for once the drag is under way (the top strip only shows then).
  const target = to();
  await expect(target).toBeVisible();
  await expect(target).toBeInViewport();
  const b = (await target.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 });
  await page.mouse.up();
}

async function unfold(page: Page, path: string) {
  const button = item(page, path).getByRole('button', {
    name: `Guidance and place of ${path}`,
    exact: true,
  });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

async function moveWithSelect(page: Page, path: string, under: string) {
  await unfold(page, path);
  const row = item(page, path);
  await row.getByLabel('Move under').selectOption({ label: under });
  await row.getByRole('button', { name: 'Move', exact: true }).click();
  // Folded again where it landed, so the tree stays short enough to see whole.
  const name = path.split('/').at(-1)!;
  const moved = under === 'Top of the codebook' ? name : `${under}/${name}`;
  await item(page, moved)
    .getByRole('button', { name: `Guidance and place of ${moved}`, exact: true })
    .click();
}

test.beforeEach(async ({ host }) => {
  const { page } = host;
  await annotate(page, FIRST, ['Economy/Trade', 'Economy/Energy']);
  await annotate(page, SECOND, ['Economy/Trade', 'Tourism']);
  await annotate(page, THIRD, ['Politics/Trade', 'Politics/Summits']);
  await openTab(page, 'Codebook');
});

test('typed paths make a tree, counted per tag and in all', async ({ host }) => {
  const { page } = host;
  expect(await outline(page)).toEqual([
    '1 Economy',
    '2 Economy/Energy',
    '2 Economy/Trade',
    '1 Politics',
    '2 Politics/Summits',
    '2 Politics/Trade',
    '1 Tourism',
  ]);
  await expect(codebook(page).getByRole('listitem', { level: 2 })).toHaveCount(4);
  // A child sits inside its parent's item, and further in.
  await expect(item(page, 'Economy').getByRole('listitem')).toHaveCount(2);
  const parentX = (await nameOf(page, 'Economy').boundingBox())!.x;
  const childX = (await nameOf(page, 'Economy/Trade').boundingBox())!.x;
  expect(childX).toBeGreaterThan(parentX + 10);

  // A parent's own count, and its subtree's with each annotation once (FIRST has two children).
  await expect(ownCount(page, 'Economy')).toHaveText('0');
  await expect(total(page, 'Economy')).toHaveText('· 2 in all');
  await expect(ownCount(page, 'Economy/Trade')).toHaveText('2');
  await expect(item(page, 'Economy/Trade').getByTitle(/or a tag below it/)).toHaveCount(0);
  await expect(total(page, 'Politics')).toHaveText('· 1 in all');

  // Folding a parent hides its children and says so.
  const fold = item(page, 'Economy').getByRole('button', { name: 'Tags under Economy' });
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(nameOf(page, 'Economy/Trade')).toBeHidden();
  await fold.click();
  await expect(nameOf(page, 'Economy/Trade')).toBeVisible();
});

test('guidance takes every character and the definition shows under the name', async ({ host }) => {
  const { page } = host;
  const definition = 'Trade/commerce: “goods” & "services", it\'s 🌍🚢 — ticarət, əmək, İşçi';
  const fields = {
    Definition: `${definition}\nA second line stays in the editor.`,
    'When to use': 'Exports/imports; <b>not</b> tags; 100% & more 🙂',
    'When not to use': "Tourism (see 'Tourism') — Əliyev's `code` \\ back/slash",
    Example: '“Azərbaycan exports grain” — 2024/05/04 ✓',
  };
  await unfold(page, 'Economy/Trade');
  const row = item(page, 'Economy/Trade');
  for (const [label, text] of Object.entries(fields)) {
    const box = row.getByLabel(`${label} of Economy/Trade`, { exact: true });
    await box.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
  }
  // The list shows the definition's first line, and the fields keep what was typed.
  await expect(row.getByText(definition, { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Guidance and place of Economy/Trade' }).click();
  await expect(row.getByLabel('Definition of Economy/Trade')).toBeHidden();
  await host.restart();
  await openTab(host.page, 'Codebook');
  await unfold(host.page, 'Economy/Trade');
  for (const [label, text] of Object.entries(fields)) {
    await expect(
      item(host.page, 'Economy/Trade').getByLabel(`${label} of Economy/Trade`, { exact: true }),
    ).toHaveValue(text);
  }
});

test('move tags with the select and the mouse; refusals change nothing', async ({ host }) => {
  const { page } = host;
  await moveWithSelect(page, 'Tourism', 'Economy');
  await expect(item(page, 'Economy/Tourism')).toHaveAttribute('aria-level', '2');
  // SECOND has Trade and Tourism: still one annotation of Economy's.
  await expect(total(page, 'Economy')).toHaveText('· 2 in all');
  // The select offers neither the tag itself nor what is below it.
  await unfold(page, 'Economy');
  const places = item(page, 'Economy').getByLabel('Move under').first().locator('option');
  await expect(places).toHaveText([
    'Top of the codebook',
    'Politics',
    'Politics/Summits',
    'Politics/Trade',
  ]);
  await item(page, 'Economy')
    .getByRole('button', { name: 'Guidance and place of Economy', exact: true })
    .click();

  // A name clash: the core's words, by the list; nothing moved.
  await drag(page, grip(page, 'Politics/Trade'), () => nameOf(page, 'Economy'));
  const refusal = page.getByRole('alert').filter({ hasText: 'already exists there' });
  await expect(refusal).toHaveText(/A tag named “Economy\/Trade” already exists there\./);
  await expect(nameOf(page, 'Politics/Trade')).toBeVisible();
  // Under its own child: refused too.
  await drag(page, grip(page, 'Economy'), () => nameOf(page, 'Economy/Energy'));
  await expect(page.getByRole('alert').filter({ hasText: 'can’t go under' })).toHaveText(
    /“Economy” can’t go under itself or a tag below it\./,
  );
  await expect(item(page, 'Economy')).toHaveAttribute('aria-level', '1');

  // Onto a tag: nested there, with its children.
  await drag(page, grip(page, 'Politics'), () => nameOf(page, 'Economy'));
  await expect(item(page, 'Economy/Politics/Trade')).toHaveAttribute('aria-level', '3');
  await expect(total(page, 'Economy')).toHaveText('· 3 in all');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Onto the strip at the top: back to the top level.
  await drag(page, grip(page, 'Economy/Energy'), () => page.getByText(/^Drop here to move/));
  await expect(item(page, 'Energy')).toHaveAttribute('aria-level', '1');
  expect(await outline(page)).toEqual([
    '1 Economy',
    '2 Economy/Politics',
    '3 Economy/Politics/Summits',
    '3 Economy/Politics/Trade',
    '2 Economy/Tourism',
    '2 Economy/Trade',
    '1 Energy',
  ]);
  await expect(page.getByText(/^Drop here to move/)).toHaveCount(0);

  // For the screenshots: a definition under its tag's name.
  await unfold(page, 'Economy');
  await item(page, 'Economy')
    .getByLabel('Definition of Economy', { exact: true })
    .first()
    .fill('Trade, industry and money: who makes, sells and buys what.\nMore detail below.');
  await page.keyboard.press('Tab');
  await item(page, 'Economy')
    .getByRole('button', { name: 'Guidance and place of Economy', exact: true })
    .click();
  await expect(item(page, 'Economy').getByText('Trade, industry and money:')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'codebook-tree');
  // A narrow window (the library becomes a drawer) must read as well; for a person to look at.
  await page.setViewportSize({ width: 720, height: 800 });
  await page.screenshot({ path: 'reports/screenshots/codebook-tree-720.png' });
});

test('merge and delete say where the children go; the change log tells it all', async ({
  host,
}) => {
  const { page } = host;
  await moveWithSelect(page, 'Tourism', 'Economy');
  await expect(item(page, 'Economy/Tourism')).toBeVisible();

  await item(page, 'Politics').getByRole('button', { name: 'Merge…' }).first().click();
  const merge = page.getByRole('dialog', { name: /Merge “Politics”/ });
  const targets = merge.getByLabel('Merge into').locator('option');
  // By path, without Politics itself and what is below it.
  await expect(targets).toHaveText([
    'Economy',
    'Economy/Energy',
    'Economy/Tourism',
    'Economy/Trade',
  ]);
  await merge.getByLabel('Merge into').selectOption({ label: 'Economy/Tourism' });
  await expect(merge).toContainText('Its 2 child tags move under “Economy/Tourism”.');
  await merge.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(merge).toBeHidden();
  await expect(item(page, 'Economy/Tourism/Trade')).toHaveAttribute('aria-level', '3');
  await expect(item(page, 'Economy/Tourism/Summits')).toBeVisible();
  await expect(nameOf(page, 'Politics')).toHaveCount(0);
  await expect(total(page, 'Economy/Tourism')).toHaveText('· 2 in all');

  await item(page, 'Economy').getByRole('button', { name: 'Delete…' }).first().click();
  const del = page.getByRole('dialog', { name: 'Delete tag “Economy”' });
  await expect(del).toContainText('No annotation has this tag.');
  await expect(del).toContainText('Its 3 child tags move up to the top of the codebook.');
  await del.getByRole('button', { name: 'Delete tag' }).click();
  await expect(del).toBeHidden();
  expect(await outline(page)).toEqual([
    '1 Energy',
    '1 Tourism',
    '2 Tourism/Summits',
    '2 Tourism/Trade',
    '1 Trade',
  ]);

  await item(page, 'Tourism').getByRole('button', { name: 'Delete…' }).first().click();
  const del2 = page.getByRole('dialog', { name: 'Delete tag “Tourism”' });
  await expect(del2).toContainText('Its 2 child tags move up to the top of the codebook.');
  await del2.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Change log' }).click();
  const log = page.getByRole('list', { name: /Codebook changes/ }).getByRole('listitem');
  const who = ` · ${TEST_ANALYST} · `;
  await expect(log.first()).toContainText(`${who}Deleted “Economy” (3 child tags moved up).`);
  await expect(log.nth(1)).toContainText(
    `${who}Merged “Politics” into “Economy/Tourism” (0 annotations, 2 child tags).`,
  );
  await expect(log.nth(2)).toContainText(`${who}Moved “Tourism” under “Economy”.`);
  await expect(log.last()).toContainText(`${who}Created “Economy”.`);
  await expect(log.first()).toHaveText(/^(\d\d:\d\d|\d{4}-\d\d-\d\d \d\d:\d\d) · /);
  await expect(log).toHaveCount(10);

  // The log follows further changes while open.
  await moveWithSelect(page, 'Tourism/Trade', 'Energy');
  await expect(log.first()).toContainText('Moved “Tourism/Trade” under “Energy”.');
});

test('a large codebook opens folded to its top level; a parent unfolds and folds again', async ({
  host,
}) => {
  const { page } = host;
  // 8 top tags with 9 children each: 80 tags, past the size at which parents start folded.
  const made = await page.evaluate(async () => {
    const notebook = window.notebook!;
    let count = 0;
    for (let t = 0; t < 8; t++) {
      const top = await notebook.createTag({ name: `Theme ${t}` });
      if (!top.ok) return count;
      count++;
      for (let c = 0; c < 9; c++) {
        const child = await notebook.createTag({ name: `Sub ${t}.${c}`, parentId: top.value.id });
        if (!child.ok) return count;
        count++;
      }
    }
    return count;
  });
  expect(made).toBe(80);
  await openTab(page, 'Codebook');
  await expect(nameOf(page, 'Theme 0')).toBeVisible();
  const level = (n: number) => codebook(page).locator(`li[aria-level="${n}"]`);
  // The top level shows (the spec's own tags and the eight themes), nothing below it.
  await expect(level(1).getByRole('button', { name: /^Tags under Theme/ })).toHaveCount(8);
  await expect(level(2)).toHaveCount(0);
  const fold = page.getByRole('button', { name: 'Tags under Theme 3' });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await expect(nameOf(page, 'Theme 3/Sub 3.8')).toBeVisible();
  await expect(level(2)).toHaveCount(9);
  await fold.click();
  await expect(level(2)).toHaveCount(0);
});
