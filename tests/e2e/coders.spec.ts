// Coders' layers and blind coding through the UI, on a data folder holding two coders' work on the
// sample: the analyst's own (made here) and another coder's (written into the folder while the
// app is closed, as a merge would bring it), plus one annotation that names nobody. All coders,
// one, or two compared: what the reader draws (its highlights by name) and what the panel lists
// (entries with initials); the choice survives switching articles. Blind coding in Settings hides
// the other coder's highlights, entries and counts, and brings them back when turned off.
import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { openNotebook } from '../../electron/core/notebook';
import type { Analyst } from '../../electron/shared/model';
import { expect, test } from '../hosts/app-host';
import {
  annotate,
  highlightTexts,
  openTab,
  panelEntries,
  reader,
  SAMPLE_TITLE,
  screenshot,
} from './support';

const MINE = ['business circles', 'joint tourist routes'];
/** The other coder's: one meets one of mine, one is theirs alone. */
const THEIRS = ['creation of joint tourist', 'agriculture and the food industry'];
const NOBODYS = 'traditional supplier';
const OTHER: Omit<Analyst, 'id' | 'createdAt'> = {
  name: 'Bahar Nəsibova-Əliyeva',
  initials: 'BN',
  color: '#b38ff0',
};

/** The other coder's annotations, written through the core into the closed app's folder. */
async function addOtherCoder(dataDir: string) {
  const notebook = await openNotebook({ dataDir });
  try {
    const h = notebook.handlers;
    const me = (await h.getStartup({})).analyst!;
    const other: Analyst = { ...OTHER, id: randomUUID(), createdAt: new Date().toISOString() };
    await notebook.store.commit([
      { kind: 'put', collection: 'analysts', record: other },
      { kind: 'meta', key: 'analystId', value: other.id },
    ]);
    const [article] = await h.listArticles({});
    const { text } = await h.getArticle({ id: article!.id });
    const place = (phrase: string) => ({
      start: text.indexOf(phrase),
      end: text.indexOf(phrase) + phrase.length,
    });
    await h.createAnnotation({
      articleId: article!.id,
      ...place(THEIRS[0]!),
      tagNames: ['Tourism'],
      comment: 'Bahar: routes',
    });
    await h.createAnnotation({
      articleId: article!.id,
      ...place(THEIRS[1]!),
      tagNames: ['Energy/Gas'],
      comment: '',
    });
    const legacy = await h.createAnnotation({
      articleId: article!.id,
      ...place(NOBODYS),
      tagNames: ['Economy'],
      comment: '',
    });
    const { createdBy: _nobody, ...named } = legacy;
    await notebook.store.commit([
      { kind: 'put', collection: 'annotations', record: named },
      { kind: 'meta', key: 'analystId', value: me.id },
    ]);
  } finally {
    await notebook.store.close();
  }
}

/** The highlight names of ours that hold some range, with the texts of their ranges. */
async function drawn(page: Page, prefix: string) {
  const all = await highlightTexts(page);
  return Object.fromEntries(
    Object.entries(all)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, texts]) => [name, [...texts].sort()]),
  );
}

/** Every passage drawn with a tag's colour (what the reader shows outside comparison). */
async function tagged(page: Page) {
  return Object.values(await drawn(page, 'nb-tag-'))
    .flat()
    .sort();
}

const picker = (page: Page) => page.getByRole('group', { name: 'Coders' });
const legendItem = (page: Page, name: string) =>
  picker(page).getByRole('listitem').filter({ hasText: name });

async function slotOf(page: Page, name: string) {
  return legendItem(page, name).getAttribute('data-coder-slot');
}

const sorted = (list: string[]) => [...list].sort();

test('coders’ layers: all, one, two compared; blind coding hides the other coder', async ({
  host,
  dataDir,
}) => {
  const { page } = host;
  await page.setViewportSize({ width: 1400, height: 900 });
  await annotate(page, MINE[0]!, ['Economy/Trade'], 'Mine: ties');
  await annotate(page, MINE[1]!, ['Tourism']);
  await host.restart(() => addOtherCoder(dataDir));
  await expect(reader(page)).toContainText(THEIRS[1]!);
  await expect(panelEntries(page)).toHaveCount(5);

  // Every entry carries its coder's initials; the one naming nobody says so.
  const entry = (text: string) => panelEntries(page).filter({ hasText: text });
  await expect(entry(MINE[0]!)).toContainText('TA');
  await expect(entry(THEIRS[1]!)).toContainText('BN');
  await expect(entry(NOBODYS).getByTitle('Coder unknown')).toHaveText(/\?/);

  // All coders: tags' colours as ever, and each coder's own line (three coders here).
  const mode = page.getByLabel('Show coders');
  await expect(mode).toHaveValue('all');
  await expect(reader(page)).toHaveAttribute('data-coders', 'all');
  await expect(picker(page).getByRole('listitem')).toHaveCount(3);
  const mine = `nb-coder-${await slotOf(page, 'Test Analyst')}`;
  const theirs = `nb-coder-${await slotOf(page, OTHER.name)}`;
  const nobodys = `nb-coder-${await slotOf(page, 'Unknown coder')}`;
  expect(new Set([mine, theirs, nobodys]).size).toBe(3);
  await expect.poll(() => tagged(page)).toEqual(sorted([...MINE, ...THEIRS, NOBODYS]));
  expect(await drawn(page, 'nb-coder-')).toEqual({
    [mine]: sorted(MINE),
    [theirs]: sorted(THEIRS),
    [nobodys]: [NOBODYS],
  });
  // Told apart by more than colour: each coder's line has its own style.
  const styles = await picker(page)
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-line')));
  expect(new Set(styles).size).toBe(3);

  // One coder, chosen with the keyboard.
  await mode.focus();
  await page.keyboard.press('ArrowDown');
  await expect(mode).toHaveValue('one');
  const one = page.getByLabel('Coder shown');
  await one.selectOption({ label: `${OTHER.name} (${OTHER.initials})` });
  await expect(panelEntries(page)).toHaveCount(2);
  await expect(page.getByText('2 of 5 annotations')).toBeVisible();
  for (const text of THEIRS) await expect(entry(text)).toContainText('BN');
  await expect.poll(() => tagged(page)).toEqual(sorted(THEIRS));
  expect(Object.keys(await drawn(page, 'nb-coder-'))).toEqual([theirs]);

  // It survives switching articles: another article, then back to the sample.
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text as an article' });
  await paste
    .getByRole('textbox', { name: 'Text', exact: true })
    .fill('Port notes / ? ]\n\nFerries from Ələt 🚢 to Aktau.');
  await paste.getByRole('button', { name: 'Import' }).click();
  await expect(reader(page)).toContainText('Ferries from Ələt');
  await expect(panelEntries(page)).toHaveCount(0);
  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: new RegExp(`^${SAMPLE_TITLE}`) })
    .click();
  await expect(reader(page)).toContainText(THEIRS[1]!);
  await expect(page.getByLabel('Show coders')).toHaveValue('one');
  await expect(panelEntries(page)).toHaveCount(2);
  await expect.poll(() => tagged(page)).toEqual(sorted(THEIRS));

  // Two compared: whose is which (tinted and lined above or below), and where both coded.
  await page.getByLabel('Show coders').selectOption('compare');
  const first = page.getByLabel('First coder compared');
  const second = page.getByLabel('Second coder compared');
  await first.selectOption({ label: 'Test Analyst (TA)' });
  await second.selectOption({ label: `${OTHER.name} (${OTHER.initials})` });
  await expect(reader(page)).toHaveAttribute('data-coders', 'compare');
  await expect(panelEntries(page)).toHaveCount(4);
  await expect
    .poll(() => drawn(page, 'nb-compare-'))
    .toEqual({
      'nb-compare-a': sorted(MINE),
      'nb-compare-a-line': sorted(MINE),
      'nb-compare-b': sorted(THEIRS),
      'nb-compare-b-line': sorted(THEIRS),
      'nb-compare-both': ['joint tourist'],
    });
  // Comparing, the coders' tints take the place of the tags' colours.
  expect(await tagged(page)).toEqual([]);
  await expect(entry(MINE[1]!)).toContainText('BN coded some of it too');
  await expect(entry(THEIRS[0]!)).toContainText('TA coded some of it too');
  await expect(entry(MINE[0]!)).toContainText('Only TA: BN did not code it');
  await expect(entry(THEIRS[1]!)).toContainText('Only BN: TA did not code it');
  await expect(legendItem(page, 'Both coded')).toBeVisible();
  await screenshot(page, 'coders-compare');

  // Blind coding, in Settings; its fields take any character and refuse what they can't use.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const size = settings.getByLabel(/Text size/);
  await size.fill('1ə/?]🤝');
  await size.press('Enter');
  await expect(settings.getByRole('alert')).toContainText('Type a whole number of pixels');
  const language = settings.getByLabel('Language of the spell-checker');
  await language.fill('az/ə?]🤝 İş');
  await language.press('Enter');
  await expect(settings.getByRole('alert').last()).toContainText('Type a language tag');
  await size.fill('17');
  await size.press('Enter');
  await language.fill('');
  await language.press('Enter');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  await expect(settings).toContainText('every export still holds everyone’s work');
  const blind = settings.getByRole('checkbox', { name: /Blind coding/ });
  await expect(blind).not.toBeChecked();
  await blind.check();
  await expect(blind).toBeChecked();
  await screenshot(page, 'coders-blind-settings');
  await settings.getByRole('button', { name: 'Close' }).click();

  // Only my own work now: the reader, the panel, the library's count, the codebook's counts.
  await expect(panelEntries(page)).toHaveCount(2);
  for (const text of MINE) await expect(entry(text)).toContainText('TA');
  await expect(picker(page)).toHaveCount(0);
  await expect(page.getByRole('note').filter({ hasText: 'Blind coding' })).toBeVisible();
  await expect(reader(page)).toHaveAttribute('data-coders', 'all');
  await expect.poll(() => tagged(page)).toEqual(sorted(MINE));
  expect(await drawn(page, 'nb-coder-')).toEqual({});
  const library = page.getByRole('list', { name: 'Articles' });
  await expect(library.getByRole('listitem').filter({ hasText: SAMPLE_TITLE })).toContainText(
    '2 annotations',
  );
  await openTab(page, 'Codebook');
  const count = (path: string) =>
    page
      .getByRole('list', { name: 'Codebook' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('textbox', { name: `Name of tag ${path}`, exact: true }) })
      .last()
      .getByTitle('Annotations with this tag', { exact: true })
      .first();
  await expect(count('Tourism')).toHaveText('1');
  await expect(count('Energy/Gas')).toHaveText('0');
  // ...and the analysis.
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  const analysis = page.getByRole('region', { name: 'Analysis' });
  await expect(analysis).toContainText('2 passages in 2 articles');
  await page.getByRole('button', { name: 'Back to article' }).click();

  // Off again: everyone's work is back, and the comparison chosen before with it.
  await page.getByRole('button', { name: 'Settings' }).click();
  await settings.getByRole('checkbox', { name: /Blind coding/ }).uncheck();
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(count('Tourism')).toHaveText('2');
  await expect(count('Energy/Gas')).toHaveText('1');
  await openTab(page, 'Annotations');
  await expect(panelEntries(page)).toHaveCount(4);
  await expect(page.getByLabel('Show coders')).toHaveValue('compare');
  await expect
    .poll(() => drawn(page, 'nb-compare-'))
    .toMatchObject({
      'nb-compare-b': sorted(THEIRS),
    });
  await expect(library.getByRole('listitem').filter({ hasText: SAMPLE_TITLE })).toContainText(
    '5 annotations',
  );
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await expect(analysis).toContainText('5 passages in 2 articles');
});
