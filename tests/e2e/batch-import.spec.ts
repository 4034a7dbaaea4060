// Many files at once: picked together or dropped on the window, imported one after another with
// a progress line, each named in the results (imported, refused and why, already there with a way
// to import a copy); a batch can be cancelled; the original of an article comes back as it was.
import { expect, test } from '../hosts/app-host';
import { pickFileVia, screenshot } from './support';

const articles = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
const textFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.from(text),
});

test('several files picked together: each one’s fate in the results, a duplicate imported on request', async ({
  host,
}) => {
  const { page } = host;
  const files = [
    textFile('one.txt', 'First field note\n\nAbout the ferry to Aktau: 3/4 full, 100% late.'),
    textFile('two.md', '# Second note\n\nThe *port* of Baku, again.'),
    textFile('again.txt', 'First field note\n\nAbout the ferry to Aktau: 3/4 full, 100% late.'),
    {
      name: 'picture.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    },
  ];
  await pickFileVia(page, 'Import files…', files);
  const panel = page.getByRole('region', { name: 'Import' });
  await expect(panel).toContainText('2 articles imported, 1 refused, 1 already in the notebook.');
  const results = panel.getByRole('list', { name: 'Import results' }).getByRole('listitem');
  await expect(results).toHaveCount(4);
  await expect(results.nth(0)).toContainText('Imported');
  await expect(results.nth(0)).toContainText('First field note');
  await expect(results.nth(2)).toContainText('Already in the notebook, as “First field note”.');
  await expect(results.nth(3)).toContainText(/picture\.png.*is an image/);
  await expect(articles(page)).toHaveCount(3);
  await screenshot(page, 'batch-import');

  await results.nth(2).getByRole('button', { name: 'Import a copy' }).click();
  await expect(results.nth(2)).toContainText('Imported');
  await expect(articles(page)).toHaveCount(4);
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
});

test('files dropped on the window are imported; a batch can be cancelled', async ({ host }) => {
  const { page } = host;
  // A drop as the browser delivers it: a DataTransfer holding File objects.
  const drop = (count: number) =>
    page.evaluate((n) => {
      const transfer = new DataTransfer();
      for (let i = 0; i < n; i++) {
        transfer.items.add(
          new File(
            [`Dropped note ${i}\n\nParagraph ${i} with a / slash and ə.`],
            `dropped-${i}.txt`,
            {
              type: 'text/plain',
            },
          ),
        );
      }
      const target = document.querySelector('main') ?? document.body;
      target.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
      target.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, count);
  await drop(2);
  const panel = page.getByRole('region', { name: 'Import' });
  await expect(panel).toContainText('2 articles imported.');
  await panel.getByRole('button', { name: 'Close' }).click();

  await drop(40);
  // Where Cancel is drawn stays put while results come in (the panel grows from the corner).
  const cancel = panel.getByRole('button', { name: 'Cancel' });
  const before = await cancel.boundingBox();
  await expect(panel.getByRole('listitem')).not.toHaveCount(0);
  await expect.poll(() => panel.getByRole('listitem').count()).toBeGreaterThan(3);
  expect(await cancel.boundingBox()).toEqual(before);
  await cancel.click();
  await expect(panel).toContainText('cancelled');
  const skipped = panel.getByRole('listitem').filter({ hasText: 'the import was cancelled' });
  expect(await skipped.count()).toBeGreaterThan(0);
  // What was imported before the cancel stays; nothing after it was.
  const imported = await panel.getByText('Imported', { exact: true }).count();
  expect(imported).toBeLessThan(40);
  await expect(articles(page)).toHaveCount(1 + 2 + imported);
});

test('Open original hands back the imported file byte for byte', async ({ host }) => {
  const { page } = host;
  const bytes = Buffer.from('Original note\n\nWith a tab\there and Windows\r\nline ends.\r\n');
  await pickFileVia(page, 'Import files…', {
    name: 'orig.txt',
    mimeType: 'text/plain',
    buffer: bytes,
  });
  await expect(page.getByRole('article', { name: /Original note/ })).toBeVisible();
  // Under the bar's Original menu, which opens and closes from the keyboard too.
  const menu = page.getByText('Original', { exact: true });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Read original again' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Read original again' })).toBeHidden();
  await menu.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Open original' }).click(),
  ]);
  await expect(page.getByRole('button', { name: 'Open original' })).toBeHidden();
  expect(download.suggestedFilename()).toBe('orig.txt');
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
});

test('a folder: every article format in it and its subfolders, other files left alone', async ({
  host,
}) => {
  const { page } = host;
  const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { makeDocx, makeEpub, makeOdt } = await import('../unit/core/import/formats/make-files');
  const { launchChromium, printPdf } = await import('../unit/core/import/pdf/make-pdf');
  const { flowPage, flowPrint } = await import('../unit/core/import/pdf/pdf-pages');
  const folder = await mkdtemp(join(tmpdir(), 'notebook-folder-'));
  try {
    const browser = await launchChromium();
    try {
      await writeFile(
        join(folder, 'paper.pdf'),
        await printPdf(flowPage, { ...flowPrint, browser }),
      );
    } finally {
      await browser.close();
    }
    await mkdir(join(folder, 'more'));
    await writeFile(join(folder, 'more', 'ferries.docx'), await makeDocx());
    await writeFile(join(folder, 'more', 'book.epub'), makeEpub());
    await writeFile(join(folder, 'more', 'notes.odt'), makeOdt());
    await writeFile(join(folder, 'plain.txt'), 'A plain note\n\nWith a / slash, ə and 🤝🏽.');
    await writeFile(join(folder, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]));
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import folder…' }).click(),
    ]);
    await chooser.setFiles(folder);
    const panel = page.getByRole('region', { name: 'Import' });
    await expect(panel).toContainText('5 articles imported.', { timeout: 30_000 });
    const results = panel.getByRole('list', { name: 'Import results' }).getByRole('listitem');
    await expect(results.filter({ hasText: 'photo.jpg' })).toContainText('Not an article format');
    await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(6);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
