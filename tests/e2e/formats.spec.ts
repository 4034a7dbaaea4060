// PDF and Word through the window: picked like any file, read by their content, the PDF's pages
// marked in the reader's margin and named in the panel, the Word document's details filled in.
import { expect, test } from '../hosts/app-host';
import { makeDocx, DOCX_FACTS } from '../unit/core/import/formats/make-files';
import { launchChromium, printPdf } from '../unit/core/import/pdf/make-pdf';
import { flowPage, flowPrint, PAGE_TWO_PASSAGE } from '../unit/core/import/pdf/pdf-pages';
import { annotate, importFile, panelEntries, reader, screenshot } from './support';

let pdf: Buffer;
let docx: Buffer;

test.beforeAll(async () => {
  const browser = await launchChromium();
  try {
    pdf = Buffer.from(await printPdf(flowPage, { ...flowPrint, browser }));
  } finally {
    await browser.close();
  }
  docx = Buffer.from(await makeDocx());
});

test('a PDF: its pages in the margin, the passage’s page in the panel and the CSV', async ({
  host,
}) => {
  const { page } = host;
  await importFile(page, {
    name: 'Pages and Places.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  const article = reader(page);
  await expect(article.getByRole('heading', { name: 'Pages and Places' })).toBeVisible();
  // Page 2 begins inside the long paragraph: its mark sits on a word, not on its own line.
  const mark = article.locator('[data-page="2"]');
  await expect(mark).toHaveCount(1);
  const markLabel = await mark.evaluate((el) => getComputedStyle(el, '::before').content);
  expect(markLabel).toBe('"p. 2"');

  await annotate(page, PAGE_TWO_PASSAGE, ['meeting']);
  await expect(panelEntries(page).first()).toContainText('p. 2');
  await mark.scrollIntoViewIfNeeded();
  await screenshot(page, 'pdf-pages');

  const csv = await host.captureExport(async (p) => {
    await p.getByRole('button', { name: 'Export…' }).click();
    const dialog = p.getByRole('dialog', { name: 'Export notes' });
    await dialog.getByLabel(/CSV for Excel/).check();
    await dialog.getByRole('button', { name: 'Export' }).click();
  });
  const header = csv.content
    .replace(/^\uFEFF/, '')
    .split('\r\n')[0]!
    .split(',');
  const row = csv.content.split('\r\n').find((line) => line.includes('meeting'))!;
  expect(header.at(-1)).toBe('page');
  expect(row.endsWith(',2')).toBe(true);
});

test('a Word document fills the details from the file, and they can be corrected', async ({
  host,
}) => {
  const { page } = host;
  await importFile(page, {
    name: 'ferries.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: docx,
  });
  await expect(reader(page).getByRole('heading', { name: DOCX_FACTS.title })).toBeVisible();
  await page.getByRole('button', { name: 'Details…' }).click();
  const details = page.getByRole('dialog', { name: 'Article details' });
  await expect(details.getByLabel('Title')).toHaveValue(DOCX_FACTS.title);
  await expect(details.getByLabel(/Authors/)).toHaveValue(DOCX_FACTS.authors.join('\n'));
  await expect(details.getByLabel(/DOI/)).toHaveValue(DOCX_FACTS.doi);
  // Typed as found on a journal's page: kept bare.
  await details.getByLabel(/DOI/).fill('https://doi.org/10.1234/FERRY.2019.8');
  await details.getByLabel(/Publication/).fill('Caspian Studies / Xəzər #3');
  await details.getByLabel(/Web address/).fill('javascript:alert(1)');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('alert')).toContainText('http:// or https://');
  await details.getByLabel(/Web address/).fill('https://example.org/ferries?a=1&b=ə');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await page.getByRole('button', { name: 'Details…' }).click();
  await expect(details.getByLabel(/DOI/)).toHaveValue('10.1234/ferry.2019.8');
  await expect(details.getByLabel(/Publication/)).toHaveValue('Caspian Studies / Xəzər #3');
  await expect(details.getByLabel(/Web address/)).toHaveValue(
    'https://example.org/ferries?a=1&b=%C9%99',
  );
});
