// The naive renderer baselines, measured in the same run: the whole article laid out with a <mark>
// per highlight (open, re-apply, memory), and CSS.highlights.highlightsFromPoint over the 10,000
// highlight ranges for the click.
import type { Page } from '@playwright/test';
import type { BenchData } from '../generate';
import { mulberry32 } from '../generate';
import { boxedRuns, log, median } from '../stats';
import { launchBrowser, newPage, settledRendererMemory } from './browser';
import { startNaiveServer } from './naive-server';

/** Runs, and how long each figure may take before it stops at its minimum (see boxedRuns). */
const OPENS = { max: 5, min: 3, capMs: 20_000 };
const REAPPLIES = { max: 5, min: 3, capMs: 12_000 };
const CLICKS = 30;

export interface NaiveFigures {
  /** From the data in hand to paint, the span the app's nb:open covers. */
  open: number;
  /** The same with fetching the data first. */
  openWithFetch: number;
  reapply: number;
  /** highlightsFromPoint with one Highlight per tag colour (as the design draws highlights). */
  hit: number;
  /** The same with one Highlight per annotation. */
  hitPerAnnotation: number;
  hitMethod: string;
  rssMB: number;
}

export async function measureNaive(data: BenchData, scriptFile: string): Promise<NaiveFigures> {
  const server = await startNaiveServer(data, scriptFile);
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    let rssMB = NaN;
    const opens = await boxedRuns(OPENS, async (run) => {
      await page.goto(server.url);
      const open = await page.evaluate(() => window.naive.open(true));
      // Memory once, in the fresh browser, before later runs leave anything behind.
      if (run === 0) rssMB = (await settledRendererMemory(browser, page)).mb;
      return open;
    });
    const reapplies = await boxedRuns(REAPPLIES, () => page.evaluate(() => window.naive.reapply()));

    await page.goto(server.url);
    await page.evaluate(() => window.naive.open(false));
    const grouped = await clicks(page, data, false);
    const perAnnotation = await clicks(page, data, true);
    const figures: NaiveFigures = {
      open: median(opens.map((o) => o.layoutMs)),
      openWithFetch: median(opens.map((o) => o.ms)),
      reapply: median(reapplies),
      hit: median(grouped.map((h) => h.ms)),
      hitPerAnnotation: median(perAnnotation.map((h) => h.ms)),
      hitMethod: grouped[0]?.method ?? 'none',
      rssMB,
    };
    const found = [...grouped, ...perAnnotation].filter((h) => h.ids > 0).length;
    log(
      `naive renderer: ${JSON.stringify(figures)}; clicks that found ids: ${found}/${CLICKS * 2}`,
    );
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Clicks the same seeded sample of passages, with the highlights registered one way or the other. */
async function clicks(page: Page, data: BenchData, perAnnotation: boolean) {
  await page.evaluate((per) => window.naive.registerHighlights(per), perAnnotation);
  await page.evaluate(() => window.naive.clearHits());
  const random = mulberry32(data.options.seed ^ 0xc11c);
  for (let n = 0; n < CLICKS; n++) {
    const i = Math.floor(random() * data.passages.length);
    const point = await page.evaluate((i) => window.naive.pointIn(i), i);
    if (point) await page.mouse.click(point.x, point.y);
  }
  return page.evaluate(() => window.naive.hits);
}
