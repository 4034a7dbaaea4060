// File › Import annotations: a file of annotations from another tool (Hypothesis, any W3C Web
// Annotation JSON) or a spreadsheet's CSV of passages, onto an article the analyst chooses; the
// core's report of what was placed, what waits for review and what was left out, and why.
import type { CallResult } from '../../../../electron/shared/contract';
import { call } from '../api';
import { pickFile } from '../files/pick-file';
import { library } from '../state/library.svelte';
import { ui } from '../state/ui.svelte';

export type AnnotationImportReport = CallResult<'importAnnotations'>;

/** What the picker offers: the content decides how the file is read, whatever its name. */
export const ANNOTATION_FILE_ACCEPT =
  '.json,.jsonld,.csv,.tsv,.txt,application/json,application/ld+json,text/csv,text/tab-separated-values';

class AnnotationImport {
  open = $state(false);

  start() {
    this.open = true;
  }

  close() {
    this.open = false;
  }

  pick(): Promise<File | null> {
    return pickFile(ANNOTATION_FILE_ACCEPT);
  }

  /** `articleId` null: each annotation onto the article the file names (our own exports). */
  async run(file: File, articleId: string | null): Promise<AnnotationImportReport> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return call('importAnnotations', {
      fileName: file.name,
      bytes,
      ...(articleId !== null && { articleId }),
    });
  }

  /** The review list of the article most of the annotations to review went onto. */
  review(articleId: string) {
    this.open = false;
    library.openId = articleId;
    ui.tab = 'review';
  }
}

export const annotationImport = new AnnotationImport();
