// Saving an edit of the 3 MB article with 10k annotations, as the analyst waits for it: the text
// editor holds the revised text (1% of paragraphs edited), and the figure runs from the click on
// "Save as new revision" to the review list painted with the annotations the revision displaced
// (and the reader on the new revision). Each run on a fresh copy of the bench notebook.
import { rm } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { copyNotebook, type BenchNotebook } from '../data-dir';
import type { BenchData } from '../generate';
import { benchLine, boxedRuns, log, median, type BenchLine } from '../stats';
import { launchBrowser, newPage } from './browser';
import { openBigArticle, startHost, stopHost } from './app';

const RUNS = { max: 5, min: 3, capMs: 60_000 };

interface Saved {
  ms: number;
  items: number;
}

type RevisionWindow = Window & { benchSaved?: Promise<Saved> };

export async function benchRevisionUi(
  data: BenchData,
  notebook: BenchNotebook,
  root: string,
): Promise<BenchLine> {
  const browser = await launchBrowser();
  try {
    const runs = await boxedRuns(RUNS, () => saveOnce(browser, data, notebook, root));
    const times = runs.map((r) => r.ms);
    log(
      `revision (window): ${times.map((t) => t.toFixed(0)).join(', ')} ms; ${runs[0]?.items} in the review list`,
    );
    return benchLine({
      name: 'save an edit of the 3 MB article with 10k annotations, to the review list painted',
      median: median(times),
      unit: 'ms',
      budget: 300,
      baseline: null,
      runs: times.length,
      reviewItems: runs[0]?.items ?? null,
      note: 'from the click on "Save as new revision" (its event time) to the Review list painted with the displaced annotations and the reader on revision 2: the text sent, the new body and re-anchoring, the commit, the changed event and the new article and annotations read back, through the browser host',
    });
  } finally {
    await browser.close();
  }
}

async function saveOnce(
  browser: Browser,
  data: BenchData,
  notebook: BenchNotebook,
  root: string,
): Promise<Saved> {
  const dir = await copyNotebook(notebook, root);
  const host = await startHost(dir);
  let page: Page | undefined;
  try {
    page = await newPage(browser);
    await page.goto(host.url);
    await page.getByRole('article').waitFor();
    await openBigArticle(page, data.title);
    await page.getByRole('button', { name: 'Edit text' }).click();
    await page.locator('#article-text').evaluate((el, text) => {
      (el as HTMLTextAreaElement).value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, data.revised.text);
    const save = page.getByRole('button', { name: 'Save as new revision' });
    await save.waitFor();
    await page.waitForFunction(
      () =>
        !(document.querySelector('.text-editor .primary') as HTMLButtonElement | null)?.disabled,
    );
    await page.evaluate(watchForReview);
    await save.click();
    return await page.evaluate(() => (window as RevisionWindow).benchSaved!);
  } finally {
    await page?.close();
    await stopHost(host.child);
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * In the page: resolves once the review list has entries and the bar says revision 2 of 2, after
 * the frame that paints them, with the time since the click on Save.
 */
function watchForReview() {
  let clickAt = NaN;
  addEventListener(
    'click',
    (e) => {
      if ((e.target as Element).closest?.('.text-editor .primary')) clickAt = e.timeStamp;
    },
    { capture: true },
  );
  (window as RevisionWindow).benchSaved = new Promise<Saved>((resolve) => {
    const done = () => {
      const items = document.querySelectorAll('ol[aria-label="Needs review"] > li').length;
      const bar = document.querySelector('.article-bar .revision')?.textContent ?? '';
      return items > 0 && /Revision 2 of 2/.test(bar) ? items : 0;
    };
    const observer = new MutationObserver(() => {
      const items = done();
      if (!items) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => resolve({ ms: performance.now() - clickAt, items })),
      );
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}
