// Files the OS opens with the app (the Dock icon, "Open with", the command line) reach the window
// on the preload's onOpenFiles as names and bytes, and are imported the way dropped files are;
// what the main process refused is said. In the browser host, which has no OS to hand it files,
// an init script stands in for the preload's channel: the page, its import and the core are real.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { expect, test } from '../hosts/app-host';
import { reader, screenshot } from './support';

declare global {
  interface Window {
    __openFiles?: (opened: unknown) => void;
  }
}

/** Gives the bridge an onOpenFiles whose listener the test can call, as the preload's channel. */
async function standInForTheChannel(page: Page) {
  await page.addInitScript(() => {
    const define = Object.defineProperty;
    Object.defineProperty = function <T>(target: T, key: PropertyKey, desc: PropertyDescriptor) {
      if ((target as unknown) === window && key === 'notebook') {
        Object.defineProperty = define;
        const bridge = {
          ...(desc.value as object),
          onOpenFiles(listener: (opened: unknown) => void) {
            window.__openFiles = listener;
            return () => undefined;
          },
        };
        return define(target, key, { ...desc, value: Object.freeze(bridge) });
      }
      return define(target, key, desc);
    } as typeof Object.defineProperty;
  });
  await page.reload();
  await reader(page).waitFor();
  await page.waitForFunction(() => typeof window.__openFiles === 'function');
}

const open = (
  page: Page,
  files: Array<{ fileName: string; text: string }>,
  refused: object[] = [],
) =>
  page.evaluate(
    ({ files, refused }) =>
      window.__openFiles!({
        files: files.map((f) => ({
          fileName: f.fileName,
          bytes: new TextEncoder().encode(f.text),
        })),
        refused,
      }),
    { files, refused },
  );

test('a file the OS opened with the app is imported and opened, as a dropped one would be', async ({
  host,
}) => {
  test.skip(host.kind !== 'browser', 'the stand-in channel is for the browser host');
  const { page } = host;
  await standInForTheChannel(page);
  await open(page, [
    {
      fileName: 'Bakı ə ş ı İ 🇦🇿.md',
      text: '# Xəzər limanı / ? ]\n\nGəmi 3/4 dolu gəldi; İş günü başladı 🚢.',
    },
  ]);
  // The import runs in the core's worker: slow on a busy machine.
  await expect(page.getByText('Imported “Xəzər limanı / ? ]”.')).toBeVisible({ timeout: 30_000 });
  await expect(reader(page)).toContainText('Gəmi 3/4 dolu gəldi; İş günü başladı 🚢.');
  await expect(
    page.getByRole('list', { name: 'Articles' }).getByRole('listitem').first(),
  ).toContainText('Xəzər limanı / ? ]');
  await screenshot(page, 'opened-from-the-os');
});

test('several files go as a batch, and what the main process refused is said', async ({ host }) => {
  test.skip(host.kind !== 'browser', 'the stand-in channel is for the browser host');
  const { page } = host;
  await standInForTheChannel(page);
  await open(
    page,
    [
      { fileName: 'one.txt', text: 'First field note\n\nThe ferry to Aktau, 100% late.' },
      { fileName: 'two.md', text: '# Second note\n\nThe *port* of Baku.' },
    ],
    [
      {
        fileName: 'Folder ə',
        reason: '“Folder ə” is a folder: use File › Import folder… to import the articles in it.',
      },
    ],
  );
  await expect(
    page.getByText(
      '“Folder ə” is a folder: use File › Import folder… to import the articles in it.',
    ),
  ).toBeVisible();
  const panel = page.getByRole('region', { name: 'Import' });
  await expect(panel).toContainText('2 articles imported');
  const results = panel.getByRole('list', { name: 'Import results' }).getByRole('listitem');
  await expect(results).toHaveCount(2);
  await expect(results.nth(1)).toContainText('Second note');
});

test('a REFI-QDA project the OS opened goes to the project import, as a dropped one does', async ({
  host,
}) => {
  test.skip(host.kind !== 'browser', 'the stand-in channel is for the browser host');
  const { page } = host;
  await standInForTheChannel(page);
  const src = randomUUID();
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Limanlar ə / ?" origin="QualCoder 3.5">
<CodeBook><Codes><Code guid="${randomUUID()}" name="Ports ş" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="${src}" name="Müsahibə 1" plainTextPath="internal://${src}.txt"/></Sources>
</Project>`;
  const bytes = zipSync({
    'project.qde': strToU8(qde),
    [`sources/${src}.txt`]: strToU8('Bakı limanı və Şuşa 🚢'),
  });
  await page.evaluate(
    (bytes) =>
      window.__openFiles!({
        files: [{ fileName: 'Limanlar ə.qdpx', bytes: new Uint8Array(bytes) }],
        refused: [],
      }),
    [...bytes],
  );
  const dialog = page.getByRole('dialog', { name: 'Import REFI-QDA project' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Müsahibə 1');
  // Nothing came in before the analyst says so.
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
});
