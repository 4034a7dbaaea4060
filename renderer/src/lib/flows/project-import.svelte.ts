// File › Import REFI-QDA project: a .qdpx project or a .qdc codebook from NVivo, ATLAS.ti,
// MAXQDA, QualCoder or Taguette. The core previews it (sources, counts, conflicting codes, what
// won't come in); the analyst settles each conflict and imports; the core's progress feeds the
// bar; its report says what came in.
import type {
  CodeConflictChoice,
  ProjectImportReport,
  ProjectPreview,
} from '../../../../electron/shared/interchange';
import { DEFAULT_CODE_CONFLICT_CHOICE } from '../../../../electron/shared/interchange';
import { PROJECT_ACCEPT } from '../../../../electron/shared/import-formats';
import type { Progress } from '../../../../electron/shared/contract';
import { call, messageOf, onProgress } from '../api';
import { pickFile } from '../files/pick-file';
import { library } from '../state/library.svelte';
import { ui } from '../state/ui.svelte';

/** A REFI-QDA file by its name (what routes a picked or dropped file here). */
export const isProjectFile = (name: string) => /\.(?:qdpx|qdc)$/i.test(name);

class ProjectImport {
  open = $state(false);
  fileName = $state('');
  preview = $state.raw<ProjectPreview | null>(null);
  /** The analyst's choice per conflicting code, by its GUID. */
  choices = $state<Record<string, CodeConflictChoice>>({});
  progress = $state.raw<Progress | null>(null);
  report = $state.raw<ProjectImportReport | null>(null);
  error = $state('');
  busy = $state(false);
  #bytes: Uint8Array | null = null;

  /** The command: pick a file, then preview it. */
  async start() {
    const file = await pickFile(PROJECT_ACCEPT);
    if (file) await this.begin(file);
  }

  /** A picked or dropped .qdpx/.qdc: read it and show what it would bring. */
  async begin(file: File) {
    this.#reset();
    this.fileName = file.name;
    this.open = true;
    this.busy = true;
    try {
      this.#bytes = new Uint8Array(await file.arrayBuffer());
      const preview = await call('previewProject', { fileName: file.name, bytes: this.#bytes });
      this.preview = preview;
      this.choices = Object.fromEntries(
        preview.conflicts.map((c) => [c.guid, DEFAULT_CODE_CONFLICT_CHOICE]),
      );
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  async run() {
    if (!this.#bytes || !this.preview || this.busy) return;
    this.busy = true;
    this.error = '';
    this.progress = { task: 'import-project', done: 0, total: 0, stage: 'Starting' };
    const stop = onProgress((p) => {
      if (p.task === 'import-project') this.progress = p;
    });
    try {
      this.report = await call('importProject', {
        fileName: this.fileName,
        bytes: this.#bytes,
        conflicts: $state.snapshot(this.choices),
      });
      await library.refresh();
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      stop();
      this.busy = false;
      this.progress = null;
    }
  }

  /** The review list, where selections that could not be placed wait. */
  review() {
    this.close();
    ui.tab = 'review';
  }

  close() {
    if (this.busy && this.report === null && this.progress) return;
    this.open = false;
    this.#reset();
  }

  #reset() {
    this.#bytes = null;
    this.fileName = '';
    this.preview = null;
    this.choices = {};
    this.progress = null;
    this.report = null;
    this.error = '';
    this.busy = false;
  }
}

export const projectImport = new ProjectImport();
