// pdf.js ships no types for its worker module; loading it is all the importer does with it
// (it sets globalThis.pdfjsWorker for the in-thread "fake worker").
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
