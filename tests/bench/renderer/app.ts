// The real renderer in Chromium against the browser host on the bench notebook: open, re-apply,
// click and scroll are read from the app's own performance measures (renderer/src/lib/perf.ts),
// triggered through the UI the way an analyst would; memory from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { copyNotebook, type BenchNotebook } from '../data-dir';
import type { BenchData } from '../generate';
import { mulberry32 } from '../generate';
import { benchLine, boxedRuns, log, median, type BenchLine } from '../stats';
import { launchBrowser, newPage, settledRendererMemory, type RendererMemory } from './browser';
import type { NaiveFigures } from './naive';

/** Runs per figure, and how long each may take before it stops at its minimum. */
const OPENS = { max: 5, min: 3, capMs: 30_000 };
const RECOLOURS = { max: 6, min: 3, capMs: 20_000 };
const CLICKS = { max: 30, min: 10, capMs: 20_000 };
const SCROLLS = { max: 12, min: 5, capMs: 20_000 };
/** How long one action may take to produce its measure before the case gives up. */
const MEASURE_TIMEOUT_MS = 60_000;

/** The app's User Timing measures (renderer/src/lib/perf.ts) the bench reads. */
export type MeasureName =
  | 'nb:open'
  | 'nb:highlights'
  | 'nb:hit'
  | 'nb:scroll'
  | 'nb:fetch'
  | 'nb:search'
  | 'nb:undo'
  | 'nb:codebook'
  | `nb:analysis-${string}`;

export async function benchApp(
  data: BenchData,
  notebook: BenchNotebook,
  root: string,
  naive: NaiveFigures | undefined,
): Promise<BenchLine[]> {
  const dir = await copyNotebook(notebook, root);
  const host = await startHost(dir);
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    await page.goto(host.url);
    await page.getByRole('article').waitFor();

    let memory: RendererMemory | undefined;
    const fetches: number[] = [];
    const fromClicks: number[] = [];
    const opens = await boxedRuns(OPENS, async (run) => {
      const { paint, fromClick } = await openBigArticle(page, data.title);
      const fetched = (await durations(page, 'nb:fetch')).at(-1);
      if (fetched !== undefined) fetches.push(fetched);
      fromClicks.push(fromClick);
      // Memory once, in the fresh browser, before later runs leave anything behind.
      if (run === 0) memory = await settledRendererMemory(browser, page);
      return paint;
    });
    const rss = memory!;
    log(
      `app renderer: page renderer ${rss.pid} ${rss.mb.toFixed(0)} MB; all ${rss.rendererCount} renderers ${rss.allRenderersMB.toFixed(0)} MB`,
    );

    const reapplies = (await recolourTags(page, data.tagNames)).flat();
    const hits = (await clickHighlights(page, data.options.seed)).flat();
    const scrolls = (await scrollToEntries(page, data.options.seed)).flat();
    log(
      `app renderer: open ${fmt(opens)} (from the click ${fmt(fromClicks)}); re-apply ${fmt(reapplies)}; hit ${fmt(hits)}; scroll ${fmt(scrolls)}`,
    );

    return [
      benchLine({
        name: 'open an article from the click, its data included',
        median: median(fromClicks),
        unit: 'ms',
        budget: 150,
        baseline: naive?.openWithFetch ?? null,
        runs: fromClicks.length,
        note: 'from the click on the article in the library (its event time) to the end of nb:open: the request, the browser host answering it (HTTP + JSON), parsing, and the first paint with highlights',
        fetchMedian: fetches.length ? Number(median(fetches).toFixed(1)) : null,
        fetchNote:
          'nb:fetch: the article and its annotations through the browser host, before nb:open starts',
        baselineNote:
          'the naive page fetching the article and its annotations as JSON, then laying out the whole text with a <mark> per highlight',
      }),
      benchLine({
        name: 'open the article with 10k highlights, to first paint',
        median: median(opens),
        unit: 'ms',
        budget: 100,
        baseline: naive?.open ?? null,
        runs: opens.length,
        note: 'nb:open after reloading the app and clicking the article in the library; it starts when the article and its annotations have arrived',
        baselineNote: `whole text laid out with a <mark> per highlight, from the data in hand to first paint (as nb:open, which starts once the article has arrived); with the fetch: ${naive ? naive.openWithFetch.toFixed(0) : '?'} ms`,
      }),
      benchLine({
        name: 're-apply all 10k highlights, to paint',
        median: median(reapplies),
        unit: 'ms',
        budget: 50,
        baseline: naive?.reapply ?? null,
        runs: reapplies.length,
        note: 'every nb:highlights measure that recolouring a tag in the Codebook produced',
        baselineNote: 'unwrap every <mark>, normalise, wrap all 10k again -> paint',
      }),
      benchLine({
        name: 'click on text -> annotation ids',
        median: median(hits),
        unit: 'ms',
        budget: 1,
        baseline: naive?.hit ?? null,
        runs: hits.length,
        note: 'nb:hit for mouse clicks on highlighted text',
        baselineNote: `CSS.highlights.${naive?.hitMethod ?? 'highlightsFromPoint'} over 10k ranges in one Highlight per tag colour; with one Highlight per annotation instead: ${naive ? naive.hitPerAnnotation.toFixed(2) : '?'} ms`,
      }),
      benchLine({
        name: 'scroll to an annotation, to paint',
        median: median(scrolls),
        unit: 'ms',
        budget: 50,
        baseline: null,
        runs: scrolls.length,
        note: 'nb:scroll after clicking entries spread over the Annotations panel list',
      }),
      benchLine({
        name: 'renderer memory with the article open',
        median: rss.mb,
        unit: 'MB',
        budget: 180,
        baseline: naive?.rssMB ?? null,
        runs: 1,
        note: "VmRSS of the page's renderer process after the first open, a forced GC and 1 s",
        allRenderersMB: Number(rss.allRenderersMB.toFixed(1)),
        allRenderersNote: `all ${rss.rendererCount} renderer processes of the browser (headless keeps a UI renderer and a spare one)`,
        baselineNote:
          'the naive page with the whole text laid out and 10k <mark>s, measured the same way',
      }),
    ];
  } finally {
    await browser.close();
    await stopHost(host.child);
  }
}

const fmt = (values: number[]) =>
  `${values.length} x, median ${values.length ? median(values).toFixed(2) : '-'} ms`;

export const durations = (page: Page, name: MeasureName) =>
  page.evaluate(
    (name) => performance.getEntriesByName(name, 'measure').map((e) => e.duration),
    name,
  );

/**
 * Waits for measures of `name` beyond the first `before`, then until none has come for `quietMs`
 * (one action may re-apply more than once), and returns the new ones.
 */
export async function newMeasures(
  page: Page,
  name: MeasureName,
  before: number,
  quietMs = 400,
): Promise<number[]> {
  const deadline = Date.now() + MEASURE_TIMEOUT_MS;
  let seen = before;
  let lastChange = Date.now();
  while (Date.now() < deadline) {
    const count = (await durations(page, name)).length;
    if (count !== seen) {
      seen = count;
      lastChange = Date.now();
    } else if (count > before && Date.now() - lastChange >= quietMs) {
      break;
    }
    await page.waitForTimeout(25);
  }
  const all = await durations(page, name);
  if (all.length <= before) {
    throw new Error(`no ${name} measure appeared within ${MEASURE_TIMEOUT_MS / 1000} s`);
  }
  return all.slice(before);
}

/**
 * Reloads (the sample, newest, opens first), then opens the big article from the library: nb:open
 * (data in hand -> painted) and the whole wait from the click's event time to that paint.
 */
export async function openBigArticle(
  page: Page,
  title: string,
): Promise<{ paint: number; fromClick: number }> {
  await page.reload();
  await page.getByRole('article').waitFor();
  await newMeasures(page, 'nb:open', 0);
  const before = (await durations(page, 'nb:open')).length;
  await page.evaluate(() =>
    addEventListener('click', (e) => ((window as BenchWindow).benchClickAt = e.timeStamp), {
      capture: true,
      once: true,
    }),
  );
  // The article's own row (its name starts with the title; "Delete article …" contains it too).
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('list', { name: 'Articles' })
    .getByRole('listitem')
    .filter({ hasText: title })
    .getByRole('button')
    .first()
    .click();
  await page.getByRole('article', { name: `Article: ${title}` }).waitFor();
  const paint = (await newMeasures(page, 'nb:open', before))[0]!;
  const fromClick = await page.evaluate((at) => {
    const open = performance.getEntriesByName('nb:open', 'measure')[at]!;
    return open.startTime + open.duration - (window as BenchWindow).benchClickAt!;
  }, before);
  return { paint, fromClick };
}

/** What the bench leaves on the page's window. */
export type BenchWindow = Window & { benchClickAt?: number };

async function recolourTags(page: Page, tagNames: string[]): Promise<number[][]> {
  await page.getByRole('tab', { name: 'Codebook' }).click();
  const samples = await boxedRuns(RECOLOURS, async (i) => {
    const before = (await durations(page, 'nb:highlights')).length;
    const colour = `#${(0x304050 + i * 0x0a1b2c).toString(16).slice(-6)}`;
    const tag = tagNames[i % tagNames.length]!;
    await page.getByLabel(`Colour of ${tag}`, { exact: true }).fill(colour);
    return newMeasures(page, 'nb:highlights', before);
  });
  await page.getByRole('tab', { name: 'Annotations' }).click();
  return samples;
}

/** A point inside a highlighted passage on screen, chosen by `pick` in [0, 1). */
function visibleHighlightPoint(pick: number): { x: number; y: number } | null {
  const scroller = document.querySelector('main .scroller') ?? document.querySelector('main');
  if (!scroller) return null;
  const box = scroller.getBoundingClientRect();
  const points: Array<{ x: number; y: number }> = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('nb-tag-') && name !== 'nb-untagged') continue;
    for (const range of highlight) {
      const rect = (range as Range).getClientRects?.()[0];
      if (!rect || rect.width < 4) continue;
      const x = rect.left + Math.min(rect.width / 2, 6);
      const y = rect.top + rect.height / 2;
      if (y > box.top + 10 && y < box.bottom - 10 && x > box.left && x < box.right) {
        points.push({ x, y });
      }
    }
  }
  return points[Math.floor(pick * points.length)] ?? null;
}

async function clickHighlights(page: Page, seed: number): Promise<number[][]> {
  const random = mulberry32(seed ^ 0xc11c);
  await page.getByRole('article', { name: /^Article: / }).hover();
  return boxedRuns(CLICKS, async (n) => {
    // Now and then further down the article, so the clicks don't all land in its first screen.
    if (n % 5 === 4) {
      await page.mouse.wheel(0, 2000 + Math.floor(random() * 4000));
      await page.waitForTimeout(300);
    }
    const point = await page.evaluate(visibleHighlightPoint, random());
    if (!point) return [];
    const before = (await durations(page, 'nb:hit')).length;
    await page.mouse.click(point.x, point.y);
    const ms = await newMeasures(page, 'nb:hit', before, 50);
    // The click opened the annotation in the editor: close it so every click starts alike.
    await page.keyboard.press('Escape');
    return ms;
  });
}

async function scrollToEntries(page: Page, seed: number): Promise<number[][]> {
  const random = mulberry32(seed ^ 0x5c01);
  const list = page.locator('.annotations-panel .scroller');
  const entries = page
    .getByRole('list', { name: 'Annotations', exact: true })
    .getByRole('listitem');
  return boxedRuns(SCROLLS, async () => {
    // A passage already in view is not scrolled to (the reader doesn't jump under the analyst),
    // so each run first moves the panel's list to a random place among the 10k entries: the
    // entry clicked there is far from where the reader is.
    const share = random();
    await list.evaluate((el, share) => {
      el.scrollTop = share * (el.scrollHeight - el.clientHeight);
      el.dispatchEvent(new Event('scroll'));
    }, share);
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const before = (await durations(page, 'nb:scroll')).length;
    const visible = await entries.count();
    await entries
      .nth(Math.floor(visible / 2))
      .getByRole('button')
      .first()
      .click();
    const ms = await newMeasures(page, 'nb:scroll', before);
    await page.keyboard.press('Escape');
    return ms;
  });
}

export async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['out/host/browser-host.js', '--data-dir', dataDir, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  // Minified bundle lines in a stack trace would drown the message.
  const tail = () =>
    output
      .split('\n')
      .filter((line) => line.length < 300)
      .slice(-12)
      .join('\n');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser host did not start:\n${tail()}`)),
      30_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Notebook ready at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited (${code}) before it was ready:\n${tail()}`));
    });
  });
  return { child, url };
}

export async function stopHost(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
