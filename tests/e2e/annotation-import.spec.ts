// Annotations from other tools through the UI: Hypothesis' JSON onto the open article, an Excel
// CSV naming its article by title, a bad file refused in words; the report says what happened,
// the panel and the review list show it, and nothing from the file is rendered as markup.
import { expect, test } from '../hosts/app-host';
import type { Page } from '@playwright/test';
import { SAMPLE_TITLE, openTab, panelEntries, pickFileVia, screenshot } from './support';

/** The library's entry for an article, by its title. */
const libraryEntry = (page: Page, title: string) =>
  page
    .getByRole('list', { name: 'Articles' })
    .getByRole('listitem')
    .filter({ hasText: title })
    .getByRole('button')
    .first();

const PLACED = ['business circles of Russia and Azerbaijan', 'joint tourist routes'];
const GONE = 'a sentence this edition of the article does not have';
const UNICODE_TITLE = 'Xəzər dəhlizi: İpək yolu 🚢';
const UNICODE_TEXT =
  'Xəzər dənizi boyunca yeni logistika dəhlizi açıldı 🎉 və İstanbul ilə Bakı yaxınlaşdı.\n\n' +
  'ممر النقل الجديد يربط باكو بموانئ البحر الأسود.';

/** Hypothesis keeps 32 characters of context each side; the title repeats the first quote. */
const CONTEXT: Record<string, [string, string]> = {
  [PLACED[0]!]: ['expanding and strengthening ties between the ', ', the head of the Azerbaijan'],
};

function hypothesis(exact: string, tags: string[], text: string) {
  const [prefix, suffix] = CONTEXT[exact] ?? ['', ''];
  return {
    id: `h-${exact.length}`,
    created: '2026-10-05T08:15:30.123456+00:00',
    updated: '2026-10-05T08:15:30.123456+00:00',
    user: 'acct:leyla@hypothes.is',
    uri: 'https://vestnikkavkaza.net/news/x.html',
    text,
    tags,
    target: [
      {
        source: 'https://vestnikkavkaza.net/news/x.html',
        selector: [
          { type: 'TextPositionSelector', start: 5000, end: 5000 + exact.length },
          { type: 'TextQuoteSelector', exact, prefix, suffix },
        ],
      },
    ],
  };
}

const jsonFile = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value, null, 2)),
});

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Import annotations…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('Hypothesis’ export onto the open article: placed, to review, left out, and the review list', async ({
  host,
}) => {
  const { page } = host;
  await expect(page.getByRole('article')).toContainText(PLACED[0]!);
  const dialog = await openImport(page);
  const onto = dialog.getByLabel(/^Onto/);
  await expect(onto.locator('option:checked')).toHaveText(SAMPLE_TITLE);

  // The filter takes any characters, and says when no title holds them.
  const filter = dialog.getByLabel('Find an article');
  await filter.fill('/?] 🚢 əşıİ "<b>');
  await expect(dialog.getByRole('status').first()).toContainText(
    'No article’s title holds “/?] 🚢 əşıİ "<b>”',
  );
  await filter.fill('rufat MAMMADOV');
  await expect(onto.locator('option')).toHaveText(['The articles the file names', SAMPLE_TITLE]);

  await pickFileVia(
    page,
    'Choose file…',
    jsonFile('hypothesis-export.json', {
      export_date: '2026-11-30T10:00:00.000Z',
      export_userid: 'acct:leyla@hypothes.is',
      client_version: '1.1630.0',
      annotations: [
        hypothesis(
          PLACED[0]!,
          ['Ticarət/Biznes', 'ties'],
          'Who: **AZPROMO** <img src=x onerror=alert(1)>',
        ),
        hypothesis(PLACED[1]!, ['turizm 🧳'], ''),
        hypothesis(GONE, ['ties'], 'lost'),
        { id: 'r', text: 'agreed', tags: [], references: ['h-1'], target: [{ source: 'x' }] },
      ],
    }),
  );
  await expect(dialog).toContainText('hypothesis-export.json');
  await dialog.getByRole('button', { name: 'Import' }).click();
  const report = dialog.getByRole('region', { name: 'What was imported' });
  await expect(report).toContainText('2 annotations placed, 1 annotation to review');
  await expect(report).toContainText('4 new tags');
  await expect(report).toContainText(`${SAMPLE_TITLE}: 3`);
  await expect(report).toContainText('Replies to other annotations');
  await screenshot(page, 'annotation-import');

  await dialog.getByRole('button', { name: 'Review them' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('list', { name: 'Needs review' }).getByRole('listitem'),
  ).toContainText(GONE);
  await openTab(page, 'Annotations');
  // The panel lists all three; the one whose quote is gone says it waits for review.
  await expect(panelEntries(page)).toHaveCount(3);
  await expect(panelEntries(page).filter({ hasText: GONE })).toContainText('Needs review');
  const first = panelEntries(page).filter({ hasText: PLACED[0]! });
  await expect(first).toContainText('Biznes');
  // The comment is Markdown shown as text: the tag in it is words, not an image.
  await expect(first).toContainText('<img src=x onerror=alert(1)>');
  await expect(first.locator('img')).toHaveCount(0);
  await expect(first.locator('strong')).toHaveText('AZPROMO');
});

test('an Excel CSV names its article by title; a bad file is refused in words and changes nothing', async ({
  host,
}) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste text as an article' });
  await paste.getByLabel(/^Title/).fill(UNICODE_TITLE);
  await paste.getByLabel('Text').fill(UNICODE_TEXT);
  await paste.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('article')).toContainText('logistika dəhlizi');

  let dialog = await openImport(page);
  await pickFileVia(page, 'Choose file…', {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('[{"type": "Annotation", "target": '),
  });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('“broken.json” is not valid JSON');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(panelEntries(page)).toHaveCount(0);

  // Excel's "CSV UTF-8" in a locale that separates with semicolons; the title typed in capitals.
  const csv =
    '\uFEFFDocument;Quote;Codes;Memo\r\n' +
    `${UNICODE_TITLE.toLocaleUpperCase('az')};logistika dəhlizi açıldı 🎉;"Nəqliyyat\nRegion/Xəzər";"line one\r\nline ""two"" / ? ]"\r\n` +
    `${UNICODE_TITLE};ممر النقل الجديد;Region/Xəzər;\r\n` +
    'Another article;whatever;x;\r\n';
  // The sample is open: the rows' own article wins over it.
  await libraryEntry(page, SAMPLE_TITLE).click();
  dialog = await openImport(page);
  await pickFileVia(page, 'Choose file…', {
    name: 'kodlar.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await dialog.getByRole('button', { name: 'Import' }).click();
  const report = dialog.getByRole('region', { name: 'What was imported' });
  await expect(report).toContainText('2 annotations placed');
  await expect(report).toContainText(`${UNICODE_TITLE}: 2`);
  await expect(report).toContainText('Names no article of this notebook: 1');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await libraryEntry(page, UNICODE_TITLE).click();
  await expect(page.getByRole('article')).toContainText('logistika dəhlizi');
  await expect(panelEntries(page)).toHaveCount(2);
  await expect(panelEntries(page).first()).toContainText('logistika dəhlizi açıldı 🎉');
  await expect(panelEntries(page).first()).toContainText('line "two" / ? ]');
  await expect(panelEntries(page).nth(1)).toContainText('ممر النقل الجديد');
});
