// UI steps shared by the e2e specs, done the way an analyst does them: mouse drags, keys, clicks.
import { expect, type Page } from '@playwright/test';

export const SAMPLE_TITLE =
  'Rufat Mammadov: we increase ties between business circles of Russia and Azerbaijan';

export const reader = (page: Page) => page.getByRole('article');
export const panelEntries = (page: Page) =>
  page.getByRole('list', { name: 'Annotations' }).getByRole('listitem');

/** Drags the mouse across the first occurrence of `phrase` in the reader. */
export async function selectByMouse(page: Page, phrase: string) {
  // The article may still be on its way (just opened, just revised).
  await expect(reader(page)).toContainText(phrase);
  const box = await page.evaluate((phrase) => {
    const runs = [...document.querySelectorAll<HTMLElement>('article [data-s]')];
    for (const run of runs) {
      const node = run.firstChild as Text | null;
      const at = node?.data.indexOf(phrase) ?? -1;
      if (!node || at === -1) continue;
      run.scrollIntoView({ block: 'center' });
      const first = document.createRange();
      first.setStart(node, at);
      first.setEnd(node, at + 1);
      const last = document.createRange();
      last.setStart(node, at + phrase.length - 1);
      last.setEnd(node, at + phrase.length);
      const a = first.getClientRects()[0]!;
      const b = last.getClientRects()[0]!;
      return {
        x1: a.left + 1,
        y1: a.top + a.height / 2,
        x2: b.right - 1,
        y2: b.top + b.height / 2,
      };
    }
    return null;
  }, phrase);
  if (!box) throw new Error(`“${phrase}” is not in one run of the reader`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(phrase);
}

/** Creates an annotation on `phrase` with tags (typed, Enter after each) and a comment. */
export async function annotate(page: Page, phrase: string, tags: string[], comment = '') {
  await selectByMouse(page, phrase);
  await page.keyboard.press('Control+Enter');
  const editor = page.getByRole('region', { name: 'New annotation' });
  await expect(editor).toBeVisible();
  const tagInput = editor.getByRole('combobox');
  for (const tag of tags) {
    await tagInput.fill(tag);
    await tagInput.press('Enter');
  }
  if (comment) await editor.getByLabel('Comment').fill(comment);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
}

/** The text of every range in our highlights, by highlight name (CSS Custom Highlight API). */
export function highlightTexts(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      out[name] = [...highlight].map((range) => (range as Range).toString());
    }
    return out;
  });
}

export async function openTab(page: Page, name: 'Annotations' | 'Memo' | 'Codebook') {
  await page.getByRole('tab', { name }).click();
}

export async function exportVia(
  page: Page,
  options: { scope?: 'article' | 'notebook'; format: RegExp; tags?: string[] },
) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog
    .getByRole('radio', { name: options.scope === 'notebook' ? /whole notebook/ : /This article/ })
    .check();
  await dialog.getByRole('radio', { name: options.format }).check();
  for (const tag of options.tags ?? []) await dialog.getByRole('checkbox', { name: tag }).check();
  await dialog.getByRole('button', { name: 'Export' }).click();
}

type OneFile = string | { name: string; mimeType: string; buffer: Buffer };
/** One file, or several picked together (a path each, or a name, type and bytes each). */
type FileToPick = OneFile | string[] | Array<Exclude<OneFile, string>>;

/** Clicks a button that opens the platform's file picker, and picks `file` in it. */
export async function pickFileVia(page: Page, buttonName: string | RegExp, file: FileToPick) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  await chooser.setFiles(file);
}

/** Library › Import files…, picking `file`. */
export const importFile = (page: Page, file: FileToPick) =>
  pickFileVia(page, 'Import files…', file);

/**
 * A screenshot of what the analyst sees, for a person to look at: into reports/screenshots/ on
 * every run (so the suite never dirties the tree), and over the README's copy in
 * tests/e2e/screenshots/ only when UPDATE_SCREENSHOTS=1 asks for it.
 */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `reports/screenshots/${name}.png` });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await page.screenshot({ path: `tests/e2e/screenshots/${name}.png` });
  }
}
