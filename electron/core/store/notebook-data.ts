// What the notebook holds on disk, the current format number, and where its files live.
// Shared by every store module; no I/O here.
import path from 'node:path';
import type { Annotation, Article, Tag } from '../../shared/model';

/** Bump when the stored shape changes, and register a migration from the old number. */
export const NOTEBOOK_VERSION = 1;

export interface NotebookData {
  version: typeof NOTEBOOK_VERSION;
  articles: Article[];
  annotations: Annotation[];
  tags: Tag[];
  /** The bundled sample article is added once, on first run only. */
  sampleSeeded: boolean;
}

/**
 * A notebook with nothing in it. `sampleSeeded` is true when a notebook existed before but had to
 * be abandoned as unreadable: that is not a first run, so the sample must not come back.
 */
export const emptyNotebook = (sampleSeeded = false): NotebookData => ({
  version: NOTEBOOK_VERSION,
  articles: [],
  annotations: [],
  tags: [],
  sampleSeeded,
});

export interface NotebookPaths {
  dir: string;
  /** The lowdb file. */
  file: string;
  /** The previous good version of `file`, replaced on every write. */
  backup: string;
}

export const notebookPaths = (dataDir: string): NotebookPaths => ({
  dir: dataDir,
  file: path.join(dataDir, 'notebook.json'),
  backup: path.join(dataDir, 'notebook.json.bak'),
});
