// REFI-QDA through the UI: choose the project or the codebook in the export dialog, read what the
// format will not keep (and choose what happens to passages awaiting review), download the file,
// unzip it and validate it against REFI's own schemas with libxml2 (xmllint-wasm).
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { expect, test, type AppHost } from '../hosts/app-host';
import { annotate, openTab, screenshot } from './support';

const PLACED = 'joint tourist routes';
const DAMAGED = 'industry, agriculture and the food industry';

const schema = async (name: string) => ({
  fileName: name,
  contents: await readFile(join('tests', 'fixtures', 'refi', name), 'utf8'),
});

/** The exported file's bytes: the browser's download, or what Electron's save dialog wrote. */
async function captureBytes(host: AppHost, trigger: (page: Page) => Promise<void>) {
  if (host.kind === 'browser') {
    const [download] = await Promise.all([host.page.waitForEvent('download'), trigger(host.page)]);
    return { fileName: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }
  const saved = await host.captureExport(trigger);
  return { fileName: basename(saved.fileName), bytes: await readFile(saved.fileName) };
}

async function openExport(page: Page, format: RegExp) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByRole('radio', { name: /whole notebook/ }).check();
  await dialog.getByRole('radio', { name: format }).check();
  return dialog;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name) => ['TextSource', 'PlainTextSelection', 'Coding', 'Note', 'Code'].includes(name),
});

test('a REFI-QDA project: what it won’t keep, review passages as notes, a valid .qdpx', async ({
  host,
}) => {
  const { page } = host;
  await annotate(page, PLACED, ['Economy/Trade'], 'Routes 🚌 & "ties"');
  await annotate(page, DAMAGED, ['tourism'], 'Sectors ə');
  await openTab(page, 'Memo');
  await page.getByRole('textbox', { name: /Memo/ }).fill('Memo: Şuşa 🚢 <b>not bold</b>');
  await page.keyboard.press('Tab');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  // A revision that damages one passage: it waits for review.
  await page.getByRole('button', { name: 'Edit text' }).click();
  const box = page.getByRole('textbox', { name: 'Article text' });
  await box.fill((await box.inputValue()).replace('the food industry', 'the fishing sector'));
  await page.getByRole('button', { name: 'Save as new revision' }).click();
  await expect(page.getByText(/Revision 2 saved: .*1 need/)).toBeVisible();

  const dialog = await openExport(page, /REFI-QDA project/);
  const losses = dialog.getByRole('region', { name: 'What this format will not keep' });
  await expect(losses).toContainText('Revisions other than the current one');
  await expect(losses).toContainText('(1 article has earlier revisions)');
  await expect(losses).toContainText('1 annotation awaits review');
  await expect(losses).toContainText('formatting');
  await expect(losses).toContainText('Page and chapter marks');
  await expect(losses).toContainText('change log');
  const review = losses.getByRole('group', { name: 'Annotations awaiting review' });
  await expect(review.getByRole('radio', { name: /Leave them out/ })).toBeChecked();
  // A project carries every passage: the tag filter doesn't apply to it.
  await expect(dialog.getByRole('checkbox', { name: 'tourism' })).toBeDisabled();
  await review.scrollIntoViewIfNeeded();
  await screenshot(page, 'refi-export-dialog');
  await review.getByRole('radio', { name: /as notes on their article/ }).check();

  const file = await captureBytes(host, () =>
    dialog.getByRole('button', { name: 'Export' }).click(),
  );
  expect(file.fileName).toMatch(/^notebook-\d{4}-\d{2}-\d{2}\.qdpx$/);
  const entries = unzipSync(new Uint8Array(file.bytes));
  const qde = strFromU8(entries['project.qde']!);
  const verdict = await validateXML({
    xml: { fileName: 'project.qde', contents: qde },
    schema: await schema('Project-mrt2019.xsd'),
  });
  expect(verdict.errors.map((e) => e.message)).toEqual([]);
  expect(verdict.valid).toBe(true);

  const project = parser.parse(qde).Project;
  const [source] = project.Sources.TextSource;
  const text = strFromU8(entries[`sources/${source.guid}.txt`]!);
  expect(text).toContain('the fishing sector');
  const [selection] = source.PlainTextSelection;
  expect(source.PlainTextSelection).toHaveLength(1);
  const cut = Array.from(text).slice(
    Number(selection.startPosition),
    Number(selection.endPosition),
  );
  expect(cut.join('')).toBe(PLACED);
  expect(selection.Description).toBe('Routes 🚌 & "ties"');
  const names = project.Notes.Note.map((n: { name: string }) => n.name);
  expect(names).toContain(`Awaiting review: ${DAMAGED}`);
  const memo = project.Notes.Note.find((n: { name: string }) => n.name.startsWith('Memo: '));
  expect(memo.PlainTextContent).toBe('Memo: Şuşa 🚢 <b>not bold</b>');
  const economy = project.CodeBook.Codes.Code.find((c: { name: string }) => c.name === 'Economy');
  expect(economy.Code[0].name).toBe('Trade');

  // Leaving the passage out (the default; the dialog keeps the last choice) says so afterwards.
  const again = await openExport(page, /REFI-QDA project/);
  const choice = again.getByRole('group', { name: 'Annotations awaiting review' });
  await expect(choice.getByRole('radio', { name: /as notes/ })).toBeChecked();
  await choice.getByRole('radio', { name: /Leave them out/ }).check();
  await captureBytes(host, () => again.getByRole('button', { name: 'Export' }).click());
  await expect(
    page.getByText('1 annotation awaiting review was left out of the project.'),
  ).toBeVisible();
});

test('a REFI-QDA codebook: the whole tree, valid against Codebook.xsd', async ({ host }) => {
  const { page } = host;
  await annotate(page, PLACED, ['Economy/Trade/Routes ə/ş'], '');
  const dialog = await openExport(page, /REFI-QDA codebook/);
  const losses = dialog.getByRole('region', { name: 'What this format will not keep' });
  await expect(losses).toContainText('change log');
  await expect(losses.getByRole('radio')).toHaveCount(0);
  await expect(dialog.getByRole('radio', { name: /This article/ })).toBeDisabled();
  const file = await captureBytes(host, () =>
    dialog.getByRole('button', { name: 'Export' }).click(),
  );
  expect(file.fileName).toMatch(/^notebook-codebook-\d{4}-\d{2}-\d{2}\.qdc$/);
  const xml = file.bytes.toString('utf8');
  const verdict = await validateXML({
    xml: { fileName: 'codebook.qdc', contents: xml },
    schema: await schema('Codebook.xsd'),
  });
  expect(verdict.valid).toBe(true);
  const codes = parser.parse(xml).CodeBook.Codes.Code;
  expect(codes[0].name).toBe('Economy');
  expect(codes[0].Code[0].name).toBe('Trade');
  // "/" separates a typed path: "Routes ə/ş" is a tag "ş" under "Routes ə".
  expect(codes[0].Code[0].Code[0].name).toBe('Routes ə');
  expect(codes[0].Code[0].Code[0].Code[0].name).toBe('ş');
});
