// The codebook-and-analysis figures in the window: the real renderer in Chromium against the
// browser host on copies of the bench notebook, each timed from the analyst's keystroke or click
// (the event's own time) to the end of the app's "painted" measure for it (renderer/src/lib/perf.ts):
// a search keystroke to its results, each Analysis section, an undo and a redo of a change to all
// 10k annotations of the big article, and the Codebook tab holding 500 tags nested five deep.
// There is no naive baseline; beside each figure is the core's own from the same run (the
// search-and-analysis case), when it was given, and how many times it the window takes.
import { rm } from 'node:fs/promises';
import type { Browser, Locator, Page } from '@playwright/test';
import { openNotebook, type Notebook } from '../../../electron/core/notebook';
import { createNestedTags, QUERIES } from '../core/analysis';
import { copyNotebook, type BenchNotebook } from '../data-dir';
import type { BenchData } from '../generate';
import { benchLine, boxedRuns, log, median, ratio, type BenchLine } from '../stats';
import {
  durations,
  newMeasures,
  openBigArticle,
  startHost,
  stopHost,
  type MeasureName,
} from './app';
import { launchBrowser, newPage } from './browser';

/** Each search round types every query once. */
const SEARCH_ROUNDS = { max: 5, min: 2, capMs: 40_000 };
/** Each section round opens the view on every section once and switches to each once. */
const SECTION_ROUNDS = { max: 5, min: 3, capMs: 120_000 };
/** Each undo run is an undo and a redo. */
const UNDOS = { max: 5, min: 3, capMs: 120_000 };
const CODEBOOK_OPENS = { max: 8, min: 4, capMs: 40_000 };

export const ANALYSIS_SECTIONS = [
  ['frequencies', 'Frequencies'],
  ['cooccurrence', 'Co-occurrence'],
  ['coverage', 'Coverage'],
  ['matrices', 'Matrices'],
] as const;

/** The figures' names, for the bench's fallback lines. */
export const UI_FIGURES = {
  search: 'search everything in the window: a keystroke to its results painted',
  section: (label: string) => `Analysis view, ${label}: from the click to the section painted`,
  undo: 'undo a change to all 10k annotations, to the window repainted',
  redo: 'redo a change to all 10k annotations, to the window repainted',
  codebook: 'Codebook tab with 500 tags nested five deep, from the click to painted',
} as const;

/** The core's figures these are compared with (tests/bench/core/analysis.ts), by their names. */
const CORE_FIGURES = {
  search: 'search everything (10k passages, 3 MB of text), warm index',
  analysis: 'analysis of 10k passages (frequencies, co-occurrence, matrices)',
  undo: 'undo a change to all 10k annotations',
  codebook: 'list a codebook of 500 tags, nested five deep, with counts',
} as const;

interface Timed {
  /** From the event (keystroke, click) to the end of the measure. */
  fromEvent: number;
  /** The app's own measure: from where it starts (perf.ts) to painted. */
  measure: number;
}

export async function benchAnalysisUi(
  data: BenchData,
  notebook: BenchNotebook,
  root: string,
  core: BenchLine[] = [],
): Promise<BenchLine[]> {
  // No naive baseline here: beside each figure, the core's own one in this run (the inner
  // function), and how many times it the window takes.
  const compared = (name: string, runs: Timed[]) => {
    const inner = core.find((l) => l.name === name)?.median ?? null;
    if (inner === null) return {};
    const coreRatio = ratio(median(runs.map((r) => r.fromEvent)), inner);
    return { core: inner, coreRatio, coreNote: `the core's own figure in this run: "${name}"` };
  };
  const browser = await launchBrowser();
  try {
    const { search, sections, undos } = await onCopy(
      browser,
      notebook,
      root,
      null,
      async (page) => {
        await openBigArticle(page, data.title);
        return {
          search: await searchRuns(page),
          sections: await sectionRuns(page),
          undos: await undoRuns(page),
        };
      },
    );
    const codebook = await onCopy(browser, notebook, root, createNestedTags, async (page, tags) => {
      await openBigArticle(page, data.title);
      return { tags, runs: await codebookRuns(page, tags) };
    });
    const lines: BenchLine[] = [
      benchLine({
        name: UI_FIGURES.search,
        ...figure(search),
        unit: 'ms',
        budget: 50,
        baseline: null,
        ...compared(CORE_FIGURES.search, search),
        note: `the search tab (Ctrl+Shift+F), each query typed but for its last character, then that character pressed: from its keydown to the end of nb:search (results painted); ${QUERIES.length} queries (${QUERIES.join(', ')}) per round, the index warm`,
      }),
      ...ANALYSIS_SECTIONS.map(([section, label]) => {
        const { opens, switches } = sections.get(section)!;
        return benchLine({
          name: UI_FIGURES.section(label),
          ...figure(opens),
          unit: 'ms',
          budget: 200,
          baseline: null,
          ...compared(CORE_FIGURES.analysis, opens),
          switchMedian: round1(median(switches.map((s) => s.fromEvent))),
          switchRuns: switches.length,
          note: `from the click on "Analysis" (the view opening on ${label}) to the end of nb:analysis-${section}: the core's analysis read${section === 'coverage' ? ' with the open article’s coverage' : ''}, through the browser host, and the section drawn and painted${section === 'matrices' ? ' (tags by article, and by Outlet)' : ''}`,
          switchNote: `from the click on the ${label} tab, the view open and its answer in hand, to painted`,
        });
      }),
      benchLine({
        name: UI_FIGURES.undo,
        ...figure(undos.undo),
        unit: 'ms',
        budget: 300,
        baseline: null,
        ...compared(CORE_FIGURES.undo, undos.undo),
        note: 'the big article open, its 10k annotations tagged at once ("Change all shown", Add tag), then Ctrl+Z outside any field: from the keydown to the end of nb:undo (the undo through the browser host, the changed notice, the 10k annotations read again, the panel and highlights painted)',
      }),
      benchLine({
        name: UI_FIGURES.redo,
        ...figure(undos.redo),
        unit: 'ms',
        budget: 300,
        baseline: null,
        ...compared(CORE_FIGURES.undo, undos.redo),
        note: 'as the undo, with Ctrl+Shift+Z after it',
      }),
      benchLine({
        name: UI_FIGURES.codebook,
        ...figure(codebook.runs),
        unit: 'ms',
        budget: 50,
        baseline: null,
        ...compared(CORE_FIGURES.codebook, codebook.runs),
        tags: codebook.tags,
        note: `a copy of the bench notebook with ${codebook.tags} more tags (5 at the top, then 4, 4, 3, 2 under each), the big article open: from the click on the Codebook tab to the end of nb:codebook (the panel made, the tree drawn as it opens, folded to its top level past 60 tags, painted); the tags are in the window already`,
      }),
    ];
    log(
      `analysis (window): ${lines.map((l) => `${l.name.split(':')[0]} ${l.median ?? '-'} ms`).join('; ')}`,
    );
    return lines;
  } finally {
    await browser.close();
  }
}

/** On a fresh copy (prepared through the core first, if asked) with its own host and page. */
async function onCopy<P, T>(
  browser: Browser,
  notebook: BenchNotebook,
  root: string,
  prepare: ((handlers: Notebook['handlers']) => Promise<P>) | null,
  measure: (page: Page, prepared: P) => Promise<T>,
): Promise<T> {
  const dir = await copyNotebook(notebook, root);
  let prepared = undefined as P;
  if (prepare) {
    const opened = await openNotebook({ dataDir: dir, compactAfterMs: 60_000 });
    try {
      prepared = await prepare(opened.handlers);
    } finally {
      await opened.store.close();
    }
  }
  const host = await startHost(dir);
  const page = await newPage(browser);
  try {
    await page.goto(host.url);
    await page.getByRole('article').waitFor();
    return await measure(page, prepared);
  } finally {
    await page.close();
    await stopHost(host.child);
    await rm(dir, { recursive: true, force: true });
  }
}

const round1 = (ms: number) => Number(ms.toFixed(1));

/** The line's median (from the event), with the app's own measure beside it. */
function figure(runs: Timed[]) {
  return {
    median: median(runs.map((r) => r.fromEvent)),
    runs: runs.length,
    measureMedian: round1(median(runs.map((r) => r.measure))),
  };
}

type EventWindow = Window & { benchEventAt?: number };

/** Notes, in the page, the time of the next event of any of these types. */
function armEvent(page: Page, types: string[]) {
  return page.evaluate((types) => {
    const w = window as EventWindow;
    w.benchEventAt = undefined;
    const note = (event: Event) => {
      w.benchEventAt ??= event.timeStamp;
      for (const type of types) removeEventListener(type, note, true);
    };
    for (const type of types) addEventListener(type, note, true);
  }, types);
}

/**
 * Does `act` and waits for the next measure of `name`; `events` are the kinds of event that
 * begin the wait (a keystroke typed with insertText has no keydown, only beforeinput).
 */
export async function timed(
  page: Page,
  name: MeasureName,
  events: string[],
  act: () => Promise<unknown>,
): Promise<Timed> {
  const before = (await durations(page, name)).length;
  await armEvent(page, events);
  await act();
  const [measure] = await newMeasures(page, name, before, 50);
  const fromEvent = await page.evaluate(
    ([name, at]) => {
      const entry = performance.getEntriesByName(name, 'measure')[at];
      const eventAt = (window as EventWindow).benchEventAt;
      if (!entry || eventAt === undefined) return NaN;
      return entry.startTime + entry.duration - eventAt;
    },
    [name, before] as const,
  );
  if (!Number.isFinite(fromEvent)) throw new Error(`no event before ${name}`);
  return { fromEvent, measure: measure! };
}

/** Lets what an action set off (refreshes after a change notice) finish before the next one. */
export async function settle(page: Page, ms = 1000) {
  await page.waitForTimeout(ms);
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 })),
  );
}

async function searchRuns(page: Page): Promise<Timed[]> {
  await page.keyboard.press('Control+Shift+F');
  const field = page.locator('#search-everything');
  await page.waitForFunction(() => document.activeElement?.id === 'search-everything');
  // The first search builds the index (the core case's figure): not one of these.
  await typeQuery(page, field, QUERIES[0]!);
  const rounds = await boxedRuns(SEARCH_ROUNDS, async () => {
    const times: Timed[] = [];
    for (const query of QUERIES) times.push(await typeQuery(page, field, query));
    return times;
  });
  const found = await page.locator('.search-panel .summary').textContent();
  log(`analysis (window): search "${QUERIES.at(-1)}": ${found?.trim()}`);
  if (!found || !/Found in/.test(found)) throw new Error(`search found nothing: ${found}`);
  return rounds.flat();
}

/** Types all of `query` but its last character (a search too, awaited), then times that one. */
async function typeQuery(page: Page, field: Locator, query: string): Promise<Timed> {
  const before = (await durations(page, 'nb:search')).length;
  await field.fill(query.slice(0, -1));
  await newMeasures(page, 'nb:search', before, 100);
  return timed(page, 'nb:search', ['keydown', 'beforeinput'], () =>
    page.keyboard.type(query.slice(-1)),
  );
}

type SectionTimes = Map<string, { opens: Timed[]; switches: Timed[] }>;

async function sectionRuns(page: Page): Promise<SectionTimes> {
  const openView = page.getByRole('button', { name: 'Analysis', exact: true });
  const closeView = page.getByRole('button', { name: 'Back to article', exact: true });
  const tab = (label: string) =>
    page.getByRole('tablist', { name: 'Analysis sections' }).getByRole('tab', { name: label });
  const sectionMeasure = (section: string): MeasureName => `nb:analysis-${section}`;

  // Once: the view read, and the matrix given an attribute (kept for every later opening). The
  // view is left on the last section, so that each round's first click changes the section.
  await openView.click();
  await tab('Matrices').click();
  await page.locator('#matrix-attribute').selectOption('Outlet');
  await page.getByRole('heading', { name: 'Tags by Outlet', exact: true }).waitFor();
  await settle(page);

  const times: SectionTimes = new Map(
    ANALYSIS_SECTIONS.map(([section]) => [section, { opens: [], switches: [] }]),
  );
  await boxedRuns(SECTION_ROUNDS, async () => {
    for (const [section, label] of ANALYSIS_SECTIONS) {
      const entry = times.get(section)!;
      entry.switches.push(
        await timed(page, sectionMeasure(section), ['click'], () => tab(label).click()),
      );
      await closeView.click();
      await page.getByRole('article', { name: /^Article: / }).waitFor();
      await settle(page, 500);
      entry.opens.push(
        await timed(page, sectionMeasure(section), ['click'], () => openView.click()),
      );
      await settle(page, 300);
    }
  });
  await closeView.click();
  await page.getByRole('article', { name: /^Article: / }).waitFor();
  await settle(page);
  return times;
}

async function undoRuns(page: Page): Promise<{ undo: Timed[]; redo: Timed[] }> {
  await page.getByRole('tab', { name: 'Annotations', exact: true }).click();
  await page.getByRole('button', { name: /Change all [\d,]+ shown annotations/ }).click();
  await page.locator('#bulk-add-tag').fill('Bench/Bulk');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByText(/^Tagged [\d,]+ annotations/).waitFor();
  await settle(page, 2000);
  // Ctrl+Z in a field would undo its typing: the keys go to the page itself.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  const undo: Timed[] = [];
  const redo: Timed[] = [];
  await boxedRuns(UNDOS, async () => {
    undo.push(await timed(page, 'nb:undo', ['keydown'], () => page.keyboard.press('Control+z')));
    await page
      .getByText(/^Undone: /)
      .first()
      .waitFor();
    await settle(page);
    redo.push(
      await timed(page, 'nb:undo', ['keydown'], () => page.keyboard.press('Control+Shift+Z')),
    );
    await page
      .getByText(/^Redone: /)
      .first()
      .waitFor();
    await settle(page);
  });
  return { undo, redo };
}

async function codebookRuns(page: Page, made: number): Promise<Timed[]> {
  const codebookTab = page.getByRole('tab', { name: 'Codebook', exact: true });
  const annotationsTab = page.getByRole('tab', { name: 'Annotations', exact: true });
  const runs = await boxedRuns(CODEBOOK_OPENS, async () => {
    const run = await timed(page, 'nb:codebook', ['click'], () => codebookTab.click());
    await annotationsTab.click();
    await settle(page, 500);
    return run;
  });
  await codebookTab.click();
  // A codebook this large opens folded to its top level (CodebookTree.svelte): the new top tags
  // (the 500th tag is made under the fourth) and the bench's own show, nothing below them.
  const tree = page.getByRole('list', { name: 'Codebook' });
  const tops = await tree.getByRole('textbox', { name: /^Name of tag T\d tag$/ }).count();
  const below = await tree.locator('li[aria-level="2"]').count();
  if (tops < 4 || below > 0) {
    throw new Error(`the codebook of ${made} showed ${tops} new top tags and ${below} below them`);
  }
  return runs;
}
