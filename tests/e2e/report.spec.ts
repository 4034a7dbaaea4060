// Reports through the UI: code passages with a tag tree (Azerbaijani, emoji, markup as text), open
// the report dialog from the Export dialog, choose a parent tag (its subtree comes along), type a
// title with every kind of character, export HTML, PDF and Word, and read each download back
// with its own tool (jsdom, pdf.js, mammoth).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { loadPdfJs } from '../../electron/core/import/pdf/load-pdfjs';
import { expect, test, type AppHost } from '../hosts/app-host';
import { annotate, screenshot } from './support';

const FIRST = 'industry, agriculture and the food industry';
const SECOND = 'joint tourist routes';
const THIRD = 'Export and Investment Promotion Foundation';
const TITLE = 'Hesabat: İqtisadiyyat/turizm? [ə ş ı İ] 📊 <b>';

/** The download's bytes: the browser's download, or what Electron's save dialog wrote. */
async function captureBytes(host: AppHost, trigger: (page: Page) => Promise<void>) {
  if (host.kind === 'browser') {
    const [download] = await Promise.all([host.page.waitForEvent('download'), trigger(host.page)]);
    return { fileName: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }
  const saved = await host.captureExport(trigger);
  return { fileName: basename(saved.fileName), bytes: await readFile(saved.fileName) };
}

test.beforeEach(async ({ host }) => {
  const { page } = host;
  await annotate(page, FIRST, ['İqtisadiyyat/Sənaye'], 'Sectors <i>named</i> 🏭');
  await annotate(page, SECOND, ['İqtisadiyyat/Turizm']);
  await annotate(page, THIRD, ['Siyasət']);
});

async function openReport(page: Page) {
  await page.getByRole('button', { name: 'Export…' }).click();
  await page
    .getByRole('dialog', { name: 'Export notes' })
    .getByRole('button', { name: 'Report…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Report' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function exportReport(host: AppHost, format: RegExp) {
  return captureBytes(host, async (page) => {
    const dialog = await openReport(page);
    await dialog.getByRole('textbox', { name: /Title/ }).fill(TITLE);
    await dialog.getByRole('checkbox', { name: /^İqtisadiyyat/ }).check();
    await dialog.getByRole('radio', { name: format }).check();
    await dialog.getByRole('button', { name: 'Export' }).click();
    await expect(dialog).toBeHidden();
  });
}

test('the report dialog ticks a parent’s subtree with it', async ({ host }) => {
  const { page } = host;
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('dialog', { name: 'Export notes' })).toBeVisible();
  await screenshot(page, 'export-dialog-with-report');
  await page.keyboard.press('Escape');
  const dialog = await openReport(page);
  await dialog.getByRole('checkbox', { name: /^İqtisadiyyat/ }).check();
  // The children come with their parent: shown ticked, not to be unticked alone.
  for (const child of [/^Sənaye/, /^Turizm/]) {
    await expect(dialog.getByRole('checkbox', { name: child })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: child })).toBeDisabled();
  }
  await expect(dialog.getByRole('checkbox', { name: /^Siyasət/ })).not.toBeChecked();
  await dialog.getByRole('textbox', { name: /Title/ }).fill(TITLE);
  await screenshot(page, 'report-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('HTML report: the chosen tags’ passages under their headings, markup as text', async ({
  host,
}) => {
  const { fileName, bytes } = await exportReport(host, /^Web page/);
  expect(fileName).toMatch(/^hesabat-iqtisadiyyat-turizm-a-s-i-i-b-\d{4}-\d{2}-\d{2}\.html$/);
  const { document } = new JSDOM(bytes.toString('utf8')).window;
  expect(document.querySelector('h1')!.textContent).toBe(TITLE);
  const headings = [...document.querySelectorAll('section.passages :is(h3, h4)')].map(
    (h) => h.textContent,
  );
  expect(headings).toEqual(['İqtisadiyyat', 'İqtisadiyyat/Sənaye', 'İqtisadiyyat/Turizm']);
  const quotes = [...document.querySelectorAll('blockquote')].map((q) => q.textContent);
  expect(quotes).toEqual([FIRST, SECOND]);
  expect(document.querySelector('.comment')!.textContent).toBe('Sectors <i>named</i> 🏭');
  expect(document.querySelectorAll('script, i, b')).toHaveLength(0);
  await expect(host.page.getByText(`Report saved as ${fileName}.`)).toBeVisible();
});

test('PDF report: printed by the host, its text read back with pdf.js', async ({ host }) => {
  const { fileName, bytes } = await exportReport(host, /^PDF/);
  expect(fileName).toMatch(/\.pdf$/);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { pdfjs, data } = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...data }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join('');
  }
  await doc.destroy();
  // Without white space: pdf.js splits words where Chromium took ə or İ from another font.
  const flat = (s: string) => s.replace(/\s+/g, '');
  const at = [
    flat('İqtisadiyyat/Sənaye'),
    flat(FIRST),
    flat('İqtisadiyyat/Turizm'),
    flat(SECOND),
  ].map((needle) => flat(text).indexOf(needle));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));
  expect(flat(text)).not.toContain(flat(THIRD));
});

test('Word report: headings and quotes read back with mammoth', async ({ host }) => {
  const { fileName, bytes } = await exportReport(host, /^Word/);
  expect(fileName).toMatch(/\.docx$/);
  const { value: html } = await mammoth.convertToHtml(
    { buffer: bytes },
    { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh"] },
  );
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  expect([...document.querySelectorAll('h2, h3')].slice(0, 3).map((h) => h.textContent)).toEqual([
    'İqtisadiyyat',
    'İqtisadiyyat/Sənaye',
    'İqtisadiyyat/Turizm',
  ]);
  expect([...document.querySelectorAll('blockquote p')].map((p) => p.textContent)).toEqual([
    FIRST,
    SECOND,
  ]);
  expect(document.body.textContent).toContain('Comment: Sectors <i>named</i> 🏭');
});

test('the Report… command’s keys open the dialog, listed in the shortcuts', async ({ host }) => {
  const { page } = host;
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: /Keyboard shortcuts/ });
  await expect(help).toContainText('Make a report of the coded passages');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+E');
  await expect(page.getByRole('dialog', { name: 'Report' })).toBeVisible();
});
