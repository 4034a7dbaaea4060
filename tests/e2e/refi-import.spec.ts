// REFI-QDA in, through the UI: pick a .qdpx (as QualCoder writes it: CRLF text, emoji,
// Azerbaijani, RTL, overlapping passages, a picture source) with Import files…, read the preview,
// settle the code that meets our tag, import with the bar running, read the report, see the
// passages highlighted in the reader, and take the whole import back with one undo.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { expect, test } from '../hosts/app-host';
import { annotate, highlightTexts, importFile, reader, screenshot } from './support';

const TEXT = [
  'Bakı limanı və Şuşa 🚢',
  '',
  'Ticarət artdı 👩🏽‍🔬 and exports rose.',
  '',
  'RTL: مرحبا بالعالم then Latin.',
].join('\r\n');

const span = (words: string) => {
  const at = TEXT.indexOf(words);
  const start = Array.from(TEXT.slice(0, at)).length;
  return `startPosition="${start}" endPosition="${start + Array.from(words).length}"`;
};

function project(): Buffer {
  const src = randomUUID();
  const economy = randomUUID();
  const ports = randomUUID();
  const user = randomUUID();
  const coding = (code: string) =>
    `<Coding guid="${randomUUID()}" creatingUser="${user}"><CodeRef targetGUID="${code}"/></Coding>`;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Limanlar / ports?" origin="QualCoder 3.5">
<Users><User guid="${user}" name="Aysel Məmmədova"/></Users>
<CodeBook><Codes>
<Code guid="${economy}" name="Economy" isCodable="true" color="#aa3300"><Description>From the other tool</Description>
<Code guid="${ports}" name="Ports ə" isCodable="true" color="#0055aa"/>
</Code>
</Codes></CodeBook>
<Sources>
<TextSource guid="${src}" name="Müsahibə 1" plainTextPath="internal://${src}.txt">
<PlainTextSelection guid="${randomUUID()}" name="port" ${span('Bakı limanı və Şuşa 🚢')} creatingUser="${user}">${coding(ports)}</PlainTextSelection>
<PlainTextSelection guid="${randomUUID()}" name="trade" ${span('Ticarət artdı 👩🏽‍🔬 and exports')}><Description>Trade & "exports" 📈</Description>${coding(economy)}</PlainTextSelection>
<PlainTextSelection guid="${randomUUID()}" name="overlap" ${span('exports rose')}>${coding(ports)}</PlainTextSelection>
<PlainTextSelection guid="${randomUUID()}" name="rtl" ${span('مرحبا بالعالم')}>${coding(economy)}</PlainTextSelection>
</TextSource>
<PictureSource guid="${randomUUID()}" name="map.png" path="internal://map.png"/>
</Sources>
<Sets/>
</Project>`;
  return Buffer.from(
    zipSync({
      'project.qde': strToU8(qde),
      [`Sources/${src}.txt`]: strToU8(TEXT),
    }),
  );
}

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Import REFI-QDA project' });

test('a QualCoder project: preview, a conflict settled, import, passages in the reader, one undo', async ({
  host,
}) => {
  const { page } = host;
  // Our own Economy: the project's code of that path differs in colour and definition.
  await annotate(page, 'business circles', ['Economy']);
  await importFile(page, { name: 'limanlar.qdpx', mimeType: 'application/zip', buffer: project() });

  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Limanlar / ports?')).toBeVisible();
  await expect(dialog.getByText('from QualCoder 3.5')).toBeVisible();
  await expect(dialog.getByText('Müsahibə 1')).toBeVisible();
  await expect(dialog.getByText(/1 source is pictures/)).toBeVisible();
  const conflict = dialog.getByRole('group', { name: /Economy/ });
  await expect(conflict).toContainText('meets “Economy” (same path)');
  await expect(conflict).toContainText('From the other tool');
  await expect(conflict.getByRole('radio', { name: 'Keep ours' })).toBeChecked();
  await conflict.getByRole('radio', { name: 'Keep both' }).check();
  await screenshot(page, 'refi-import-preview');

  await dialog.getByRole('button', { name: 'Import' }).click();
  const report = dialog.getByRole('status', { name: 'What was imported' });
  await expect(report).toContainText('1 new article');
  await expect(report).toContainText('4 passages placed');
  await expect(report).toContainText('Tags: 2 new');
  await expect(report).toContainText('1 comment');
  await screenshot(page, 'refi-import-report');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await page
    .getByRole('list', { name: 'Articles' })
    .getByRole('button', { name: /^Müsahibə 1 limanlar/ })
    .click();
  await expect(reader(page)).toContainText('Ticarət artdı 👩🏽‍🔬 and exports rose.');
  await expect
    .poll(async () =>
      Object.values(await highlightTexts(page))
        .flat()
        .sort(),
    )
    .toEqual(expect.arrayContaining(['Bakı limanı və Şuşa 🚢', 'مرحبا بالعالم']));
  const texts = Object.values(await highlightTexts(page))
    .flat()
    .join('|');
  // The overlap: both passages are there, each with its own words.
  expect(texts).toContain('exports');
  expect(texts).toContain('rose');
  await page.getByRole('tab', { name: 'Codebook' }).click();
  await expect(page.getByLabel('Name of tag Economy (imported)', { exact: true })).toBeVisible();

  // One undo takes the whole import back: the article, its passages, the new tags.
  // Outside any field (the reader's first words are a passage now: a click there opens it).
  await page.getByRole('heading', { name: 'Library' }).click();
  await page.keyboard.press('Control+z');
  await expect(
    page.getByText('Undone: Import REFI-QDA project.', { exact: true }).first(),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Articles' })).not.toContainText('Müsahibə 1');
  await expect(page.getByLabel('Name of tag Economy (imported)', { exact: true })).toBeHidden();
  await expect(page.getByLabel('Name of tag Economy', { exact: true })).toBeVisible();
});

test('a file that is no project says so and brings nothing', async ({ host }) => {
  const { page } = host;
  await importFile(page, {
    name: 'broken.qdpx',
    mimeType: 'application/zip',
    buffer: Buffer.from('not a zip at all, /?] ə'),
  });
  const dialog = dialogOf(page);
  await expect(dialog.getByRole('alert')).toContainText(
    '“broken.qdpx” is neither a REFI-QDA project',
  );
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
});

test('a project picked with articles: the articles import as a batch, then the project opens in its own dialog', async ({
  host,
}) => {
  const { page } = host;
  await importFile(page, [
    {
      name: 'notes ə-1.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Qeydlər\n\nLimanlar və yollar.\n'),
    },
    { name: 'limanlar.qdpx', mimeType: 'application/zip', buffer: project() },
    { name: 'second.qdpx', mimeType: 'application/zip', buffer: project() },
  ]);
  const results = page
    .getByRole('region', { name: 'Import' })
    .getByRole('list', { name: 'Import results' })
    .getByRole('listitem');
  await expect(results).toHaveCount(3);
  await expect(results.filter({ hasText: 'limanlar.qdpx' })).toContainText(
    'opens in its own dialog after this batch',
  );
  await expect(results.filter({ hasText: 'second.qdpx' })).toContainText('one project at a time');
  // The article came in as an article; the first project is previewed, not tried as one.
  await expect(page.getByRole('button', { name: /^Qeydlər/ })).toBeVisible();
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Limanlar / ports?')).toBeVisible();
});
