// Loads pdf.js on first use (never at start-up) and says where its own data files are, so it
// reads fonts and character maps from the package on disk and never fetches anything.
import { createRequire } from 'node:module';
import path from 'node:path';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The package's data folders as pdf.js wants them: file paths ending in "/". */
export interface PdfJsData {
  standardFontDataUrl: string;
  cMapUrl: string;
  wasmUrl: string;
}

let loading: Promise<{ pdfjs: PdfJs; data: PdfJsData }> | undefined;

/**
 * The legacy build (the only one that runs on Node 20), with its worker code loaded in this
 * thread: importers already run in a core worker thread, so pdf.js needs no thread of its own,
 * and with `globalThis.pdfjsWorker` set it never tries to start or import one.
 */
export function loadPdfJs(): Promise<{ pdfjs: PdfJs; data: PdfJsData }> {
  loading ??= (async () => {
    const natives = keepNatives();
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // Sets globalThis.pdfjsWorker, which pdf.js's "fake worker" then uses as it is.
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return { pdfjs, data: dataFolders() };
    } finally {
      natives.restore();
    }
  })();
  // A failed load (a broken install) is retried on the next import rather than cached.
  loading.catch(() => (loading = undefined));
  return loading;
}

function dataFolders(): PdfJsData {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // pdf.js appends file names to these and wants them to end in "/" (Windows reads "/" too).
  const folder = (name: string) => `${path.join(root, name).split(path.sep).join('/')}/`;
  return {
    standardFontDataUrl: folder('standard_fonts'),
    cMapUrl: folder('cmaps'),
    wasmUrl: folder('wasm'),
  };
}

/**
 * The legacy build bundles core-js, which on Node 20 replaces built-ins for the whole thread
 * with its own spec-complete versions: JSON.parse and JSON.stringify about 4.5 times slower,
 * Array.prototype.push twice as slow (measured). The core worker that runs importers also makes
 * every article body's JSON, so the originals are put back once pdf.js has loaded; pdf.js needs
 * none of the corner cases those versions fix. What core-js only adds (new methods) stays.
 */
function keepNatives() {
  const kept = [
    { owner: Array.prototype, key: 'push' },
    { owner: JSON, key: 'parse' },
    { owner: JSON, key: 'stringify' },
    { owner: Function.prototype, key: 'toString' },
  ].map(({ owner, key }) => ({
    owner,
    key,
    descriptor: Object.getOwnPropertyDescriptor(owner, key),
  }));
  return {
    restore() {
      for (const { owner, key, descriptor } of kept) {
        if (descriptor) Object.defineProperty(owner, key, descriptor);
      }
    },
  };
}
