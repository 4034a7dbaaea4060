// Encrypted PDFs, made by qpdf (Debian's qpdf, which .ci/run installs) from one Chromium prints:
// a file that needs a password to open is refused saying what to do; one that only restricts
// printing or copying (an owner password, no user password) opens and imports as usual.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPdf } from '../../../../../electron/core/import/pdf';
import { expectValidDocument } from '../expect-valid-document';
import { printPdf } from './make-pdf';

const run = promisify(execFile);
let dir: string;
let locked: Uint8Array;
let restricted: Uint8Array;

const html = `<!doctype html><html><head><meta charset="utf-8"><title>Sealed minutes</title></head>
<body><h1>Sealed minutes</h1><p>The committee met in Şəki and agreed on the wording.</p></body></html>`;

async function encrypt(input: string, name: string, userPassword: string): Promise<Uint8Array> {
  const output = path.join(dir, name);
  // 256-bit AES, as current viewers write it; the owner password restricts, the user one locks.
  await run('qpdf', ['--encrypt', userPassword, 'owner-secret', '256', '--', input, output]);
  return new Uint8Array(await readFile(output));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pdf-encrypted-'));
  const plain = path.join(dir, 'plain.pdf');
  await writeFile(plain, await printPdf(html));
  locked = await encrypt(plain, 'locked.pdf', 'open-sesame');
  restricted = await encrypt(plain, 'restricted.pdf', '');
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('encrypted PDFs', () => {
  it('refuses one that needs a password to open, saying what to do', async () => {
    await expect(importPdf(locked, 'locked.pdf')).rejects.toThrow(
      'The file “locked.pdf” is protected by a password. Open it in a PDF viewer, save a copy without the password, and import that.',
    );
  });

  it('imports one that only restricts what may be done with it', async () => {
    const { doc } = await importPdf(restricted, 'restricted.pdf');
    expectValidDocument(doc);
    expect(doc.title).toBe('Sealed minutes');
    expect(doc.text).toContain('The committee met in Şəki and agreed on the wording.');
  });
});
