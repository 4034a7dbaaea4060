// Agreement and adjudication through the UI, on a data folder where two coders coded the sample
// before the app started (written by the core itself, as a merge would leave it): the figures
// read against values computed here by hand, a heat-map cell listing its disagreements, three of
// them decided by keyboard (keep A, keep both, neither), one decision undone, and the consensus
// layer then compared as a coder of its own. Blind coding hides all of it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { openNotebook } from '../../electron/core/notebook';
import { closeCoreWorkers } from '../../electron/core/workers';
import type { Analyst } from '../../electron/shared/model';
import { expect, test as hostTest } from '../hosts/app-host';
import { TEST_ANALYST } from '../hosts/first-run';
import { panelEntries, screenshot } from './support';

const SAMPLE = join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt');
const TOURISM = 'Tourism [ə ş ı İ]?';
const TRADE = 'Economy/Trade';

const AYNUR: Analyst = {
  id: 'coder-aynur',
  name: 'Aynur Həsənova',
  initials: 'AH',
  color: '#f6c343',
  createdAt: '2026-11-30T09:00:00.000Z',
};
const BORIS: Analyst = {
  id: 'coder-boris',
  name: 'Boris Ivanov',
  initials: 'BI',
  color: '#7aa7f0',
  createdAt: '2026-11-30T09:00:00.000Z',
};
/** Who adjudicates: the analyst the host's first-run answer would name, coding nothing. */
const LEAD: Analyst = {
  id: 'lead',
  name: TEST_ANALYST,
  initials: 'TA',
  color: '#b38ff0',
  createdAt: '2026-11-30T09:00:00.000Z',
};

/** Each coder's passages on the sample, by tag. */
const CODING: Array<[Analyst, string, string]> = [
  [AYNUR, 'joint tourist routes', TOURISM],
  [AYNUR, 'tourism infrastructure', TOURISM],
  [AYNUR, 'industry, agriculture and the food industry', TRADE],
  [BORIS, 'tourist routes', TOURISM],
  [BORIS, 'joint projects in tourism education', TOURISM],
  [BORIS, 'the food industry', TRADE],
];

let sampleLength = 0;

/** Writes the notebook as two coders left it, through the core, before the app opens it. */
async function seedTwoCoders(dir: string, coding = CODING) {
  const nb = await openNotebook({ dataDir: dir, samplePath: SAMPLE });
  try {
    const [summary] = await nb.handlers.listArticles({});
    const article = await nb.handlers.getArticle({ id: summary!.id });
    sampleLength = article.text.length;
    for (const analyst of [AYNUR, BORIS, LEAD]) {
      await nb.store.commit([
        { kind: 'put', collection: 'analysts', record: analyst },
        { kind: 'meta', key: 'analystId', value: analyst.id },
      ]);
      for (const [coder, phrase, tag] of coding) {
        if (coder !== analyst) continue;
        const start = article.text.indexOf(phrase);
        expect(start).toBeGreaterThanOrEqual(0);
        await nb.handlers.createAnnotation({
          articleId: article.id,
          start,
          end: start + phrase.length,
          tagNames: [tag],
          comment: `${coder.initials}: ${phrase}`,
        });
      }
    }
  } finally {
    await nb.store.close();
    await closeCoreWorkers();
  }
}

const test = hostTest.extend({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'notebook-e2e-agreement-'));
    await seedTwoCoders(dir);
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

/**
 * Cohen's kappa over characters as NVivo computes it, by hand: the two coders' coded characters
 * (a, b), those both coded, out of n.
 */
function kappaOf(n: number, a: number, b: number, both: number) {
  const agree = (n - (a + b - both * 2)) / n;
  const chance = (a / n) * (b / n) + (1 - a / n) * (1 - b / n);
  return { percent: agree, kappa: (agree - chance) / (1 - chance) };
}

const agreementView = (page: Page) => page.getByRole('region', { name: 'Agreement', exact: true });
const adjudicationView = (page: Page) => page.getByRole('region', { name: 'Adjudication' });

/** The figures table's rows, by tag: [agreement, kappa, alpha, units, disagreeing]. */
async function figuresOf(view: Locator): Promise<Record<string, string[]>> {
  const table = view.getByRole('table', { name: /Agreement by tag over/ });
  const out: Record<string, string[]> = {};
  for (const row of await table.locator('tbody tr').all()) {
    const head = (await row.locator('th').innerText()).trim();
    out[head] = (await row.locator('td').allInnerTexts()).map((t) => t.trim()).slice(0, 5);
  }
  return out;
}

const three = (n: number) => n.toFixed(3).replace(/0$/, '');
const percent = (n: number) => `${(Math.round(n * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;

test('agreement figures, a cell’s disagreements adjudicated by keyboard, undo, and the consensus layer', async ({
  host,
}) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  const view = agreementView(page);
  await expect(view).toBeVisible();
  await expect(view.getByLabel('Coder A')).toHaveValue(AYNUR.id);
  await expect(view.getByLabel('Coder B')).toHaveValue(BORIS.id);

  // Tourism: A 20 + 22 characters, B 14 + 35, 14 of them both ("tourist routes").
  const tourism = kappaOf(sampleLength, 42, 49, 14);
  // Trade: A 43 characters, B 17 inside them.
  const trade = kappaOf(sampleLength, 43, 17, 17);
  // 63 of 3,0xx characters differ, yet kappa is modest: the coders' own coding is rare.
  expect(tourism.kappa).toBeCloseTo(0.297, 3);
  await expect
    .poll(() => figuresOf(view))
    .toMatchObject({
      [TOURISM]: [
        percent(tourism.percent),
        three(tourism.kappa),
        expect.any(String),
        sampleLength.toLocaleString('en-US'),
        '63',
      ],
      [TRADE]: [
        percent(trade.percent),
        three(trade.kappa),
        expect.any(String),
        sampleLength.toLocaleString('en-US'),
        '26',
      ],
    });
  const rows = await figuresOf(view);
  expect(Object.keys(rows).at(-1)).toBe('Overall');
  // The overall kappa weights each tag's by its characters: here the two tags' mean.
  expect(rows.Overall![1]).toBe(three((tourism.kappa + trade.kappa) / 2));
  await screenshot(page, 'agreement');

  // The same figures saved as CSV, read back with a CSV parser; the map's Table view too.
  const saved = await host.captureExport(() =>
    view
      .getByRole('region', { name: 'Agreement by tag', exact: true })
      .getByRole('button', { name: 'Save CSV' })
      .click(),
  );
  const csv = parse(saved.content, { bom: true }) as string[][];
  expect(csv[0]).toEqual(['Tag', 'Agreement (%)', 'Kappa', 'Alpha', 'Units', 'Disagreeing units']);
  const tourismRow = csv.find((row) => row[0] === TOURISM)!;
  expect(Number(tourismRow[2])).toBeCloseTo(tourism.kappa, 3);
  expect(tourismRow.slice(4)).toEqual([String(sampleLength), '63']);
  // Its "Exported" message put away, so the screenshots below show the views alone.
  for (const dismiss of await page.getByRole('button', { name: 'Dismiss message' }).all()) {
    await dismiss.click();
  }
  const mapFrame = view.getByRole('region', { name: 'Agreement by tag and article' });
  await mapFrame.getByRole('button', { name: 'Table' }).click();
  await expect(mapFrame.getByRole('table')).toContainText(three(tourism.kappa));
  await mapFrame.getByRole('button', { name: 'Table' }).click();

  // Over sentences: the units are the sample's sentences, far fewer than its characters.
  await view.getByRole('radio', { name: 'Sentences' }).check();
  await expect(view.getByRole('table', { name: 'Agreement by tag over sentences' })).toBeVisible();
  const sentences = Number((await figuresOf(view))[TOURISM]![3]!.replace(/,/g, ''));
  expect(sentences).toBeGreaterThan(5);
  expect(sentences).toBeLessThan(60);
  await view.getByRole('radio', { name: 'Characters' }).check();
  await expect(view.getByRole('table', { name: 'Agreement by tag over characters' })).toBeVisible();

  // The map: one cell per tag in the article; the Tourism cell lists its three disagreements.
  const map = view.getByRole('group', { name: /Heat map of Cohen’s kappa/ });
  const cell = map.getByRole('button', { name: new RegExp(`^${escape(TOURISM)} in “`) });
  await expect(cell).toHaveAttribute('aria-label', new RegExp(`kappa ${three(tourism.kappa)}`));
  // By keyboard: the map is one tab stop, the arrows move among its cells, Enter lists.
  await map.getByRole('button', { name: new RegExp(`^${escape(TRADE)} in “`) }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(cell).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  const list = view.getByRole('list', { name: 'Disagreements' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).toContainText('tourism infrastructure');
  await expect(list).toContainText('joint projects in tourism education');

  // Adjudication from the cell, by keyboard only from here.
  await view.getByRole('button', { name: 'Adjudicate these' }).focus();
  await page.keyboard.press('Enter');
  const adjudication = adjudicationView(page);
  await expect(adjudication).toBeVisible();
  await expect(adjudication).toBeFocused();
  const progress = adjudication.locator('.progress');
  await expect(progress).toContainText('1 of 3');
  await expect(progress).toContainText('3 open');
  // Each side named by letter, initials and name, not only by colour.
  const sideA = adjudication.getByRole('region', { name: 'Coder A: Aynur Həsənova (AH)' });
  const sideB = adjudication.getByRole('region', { name: 'Coder B: Boris Ivanov (BI)' });
  await expect(sideA).toContainText('tourism infrastructure');
  await expect(sideB).toContainText('Did not code this stretch');
  const keepA = adjudication.getByRole('button', { name: 'Keep A', exact: true });
  await expect(keepA).toHaveAttribute('aria-keyshortcuts', 'a A');
  await expect(keepA).toContainText('A');

  await page.keyboard.press('a');
  await expect(progress).toContainText('2 of 3');
  await expect(progress).toContainText('2 open');
  await expect(sideA).toContainText('joint tourist routes');
  // B's "tourist routes" is listed too: it is the passage that doesn't line up with A's.
  await expect(sideB).toContainText('tourist routes');
  await screenshot(page, 'adjudication');
  await page.keyboard.press('2');
  await expect(progress).toContainText('3 of 3');
  await expect(progress).toContainText('1 open');
  await expect(sideB).toContainText('joint projects in tourism education');
  await page.keyboard.press('n');
  await expect(progress).toContainText('0 open');
  await expect(adjudication.getByRole('status').first()).toContainText(/Decided|All decided/);

  // Moving back shows a decided one with its decision, its buttons off.
  await page.keyboard.press('k');
  await expect(progress).toContainText('2 of 3');
  await expect(adjudication).toContainText('Decided: kept both passages');
  await expect(adjudication.getByRole('button', { name: /^Keep A/ })).toBeDisabled();
  await page.keyboard.press('j');

  // Undo takes the last decision (neither) back: it is open again and shown.
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone: Keep neither passage.')).toBeVisible();
  await expect(progress).toContainText('3 of 3');
  await expect(progress).toContainText('1 open');
  await expect(adjudication.getByRole('button', { name: /^Keep neither/ })).toBeEnabled();

  // The consensus layer holds what was kept: A's infrastructure, and both routes passages.
  const made = await consensusQuotes(page);
  expect(made.consensus).toEqual({ name: 'Consensus', initials: 'CONS' });
  expect(made.quotes).toEqual(
    expect.arrayContaining(['joint tourist routes', 'tourism infrastructure']),
  );
  expect(made.quotes).not.toContain('joint projects in tourism education');

  // Back in the Agreement view, the consensus layer is a coder to compare with: on Tourism it
  // holds exactly Aynur's 42 characters now, so they agree perfectly.
  await adjudication.getByRole('button', { name: 'Back to agreement' }).click();
  await expect(view).toBeVisible();
  await view.getByLabel('Coder B').selectOption({ label: 'Consensus (CONS)' });
  await expect
    .poll(async () => (await figuresOf(view))[TOURISM])
    .toEqual(['100%', '1.00', expect.any(String), sampleLength.toLocaleString('en-US'), '0']);

  // The one left open, edited by keys: B's "joint projects in tourism education" less its last
  // word (Ctrl+Shift+← moves the end back a word), kept with Enter.
  await view.getByLabel('Coder B').selectOption({ label: 'Boris Ivanov (BI)' });
  await expect.poll(async () => (await figuresOf(view))[TOURISM]?.[1]).toBe(three(tourism.kappa));
  await page.keyboard.press('Control+Shift+D');
  await expect(adjudication).toBeFocused();
  await expect(sideB).toContainText('joint projects in tourism education');
  await page.keyboard.press('e');
  const edited = adjudication.locator('.in-edit');
  await expect(edited).not.toHaveCount(0);
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect
    .poll(async () => (await edited.allInnerTexts()).join(''))
    .toBe('joint projects in tourism ');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect
    .poll(async () => (await edited.allInnerTexts()).join(''))
    .toBe('joint projects in tourism');
  await page.screenshot({ path: test.info().outputPath('adjudication-edit.png') });
  await page.keyboard.press('Enter');
  await expect(progress).toContainText('0 open');
  const layer = await consensusQuotes(page);
  expect(layer.quotes).toContain('joint projects in tourism');
  // The panel lists them as the consensus coder's, by its initials.
  await expect(panelEntries(page).filter({ hasText: 'CONS' })).toHaveCount(layer.quotes.length);
});

/** The consensus analyst, and the quotes of its passages on the sample, as the core lists them. */
async function consensusQuotes(page: Page) {
  return page.evaluate(async () => {
    const notebook = window.notebook!;
    const analysts = await notebook.listAnalysts({});
    const articles = await notebook.listArticles({});
    if (!analysts.ok || !articles.ok) throw new Error('listing failed');
    const consensus = analysts.value.find((a) => a.role === 'consensus');
    const listed = await notebook.listAnnotations({ articleId: articles.value[0]!.id });
    if (!listed.ok) throw new Error(listed.error.message);
    return {
      consensus: consensus && { name: consensus.name, initials: consensus.initials },
      quotes: listed.value
        .filter((a) => a.createdBy === consensus?.id)
        .map((a) => a.selectors[1].exact)
        .sort(),
    };
  });
}

/** The same, with a passage both coders made alike (what needs no adjudication). */
const withAlike = hostTest.extend({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'notebook-e2e-agreement-alike-'));
    await seedTwoCoders(dir, [
      ...CODING,
      [AYNUR, 'business circles', TRADE],
      [BORIS, 'business circles', TRADE],
    ]);
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

withAlike(
  'what both coders coded alike is copied into the consensus layer once',
  async ({ host }) => {
    const { page } = host;
    await page.keyboard.press('Control+Shift+D');
    const adjudication = adjudicationView(page);
    const copy = adjudication.getByRole('button', { name: 'Copy agreed passages' });
    await copy.click();
    await expect(page.getByText('Copied 1 agreed passage into the consensus layer.')).toBeVisible();
    const consensus = panelEntries(page).filter({ hasText: 'business circles' }).filter({
      hasText: 'CONS',
    });
    await expect(consensus).toHaveCount(1);
    await expect(consensus).toContainText('AH: business circles');

    // Twice: nothing more to copy, and it says so.
    await copy.click();
    await expect(
      page.getByText(/holds every passage both coders made alike already/),
    ).toBeVisible();
    await expect(consensus).toHaveCount(1);

    // One undo takes the copy back.
    await page.keyboard.press('Control+z');
    await expect(consensus).toHaveCount(0);
  },
);

test('blind coding hides the agreement and adjudication views', async ({ host }) => {
  const { page } = host;
  await page.keyboard.press('Control+Shift+K');
  const view = agreementView(page);
  await expect(view.getByRole('table', { name: /Agreement by tag over/ })).toBeVisible();

  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('checkbox', { name: /blind coding/i }).check();
  await settings
    .getByRole('button', { name: /close|done/i })
    .first()
    .click();
  await expect(view.getByRole('note')).toContainText('Blind coding is on');
  await expect(view.getByRole('table')).toHaveCount(0);
  await expect(view).not.toContainText(BORIS.name);

  await page.keyboard.press('Control+Shift+D');
  const adjudication = adjudicationView(page);
  await expect(adjudication.getByRole('note')).toContainText('Blind coding is on');
  await expect(adjudication).not.toContainText(AYNUR.name);
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
