// Merging another analyst's notebook folder (see the contract's previewMerge and applyMerge). The
// host asks which folder (Electron's folder dialog, the browser host's NOTEBOOK_MERGE_SOURCE) and
// calls Notebook.previewMergeFrom; the core holds that one preview until it is applied or
// replaced, and applies it only while neither notebook has changed since.
import { randomUUID } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import type { Handlers } from '../../shared/contract';
import type { MergePreview, MergeReport } from '../../shared/merge';
import type { Peer } from '../../shared/model';
import { conflict, NotebookError } from '../errors';
import { planMerge } from '../merge/merge-plan';
import {
  folderFingerprint,
  folderKeyOf,
  readOtherNotebook,
  type OtherNotebook,
} from '../merge/read-folder';
import type { Change } from '../store';
import { isoNow, type ServiceContext } from './context';

export interface MergeService {
  handlers: Pick<Handlers, 'previewMerge' | 'applyMerge'>;
  /** Reads the notebook in `folder` (never writing there) and previews merging it in. */
  previewFrom(folder: string): Promise<MergePreview>;
}

const STALE = 'This merge was previewed before the latest change: preview it again.';

export function mergeService(ctx: ServiceContext): MergeService {
  const { store } = ctx;
  let commits = 0;
  store.onCommit(() => void commits++);
  let pending: { token: string; theirs: OtherNotebook; commits: number } | undefined;
  // What a notebook that merged this folder before it had a notebookId knows it by.
  let folderKey = folderKeyOf(store.dataDir);
  void realpath(store.dataDir).then(
    (real) => void (folderKey = folderKeyOf(real)),
    () => undefined,
  );
  const ourFolderKey = () => folderKey;

  const plan = (theirs: OtherNotebook, choices: Parameters<Handlers['applyMerge']>[0]['choices']) =>
    planMerge({
      ours: { state: store.state, body: (hash) => store.getBody(hash) },
      theirs,
      choices,
      ourFolderKey: ourFolderKey(),
      newId: ctx.newId,
    });

  /** Copies in the texts and originals the merged articles need, before any record points at them. */
  async function copyFiles(theirs: OtherNotebook, bodies: string[], originals: string[]) {
    for (const hash of bodies) {
      const ours = await store.getBody(hash).then(
        () => true,
        () => false,
      );
      if (ours) continue;
      const stored = await store.putBody(await theirs.body(hash));
      if (stored !== hash)
        throw new Error(`A body of the other notebook stored as ${stored}, not ${hash}.`);
    }
    for (const hash of originals) {
      const bytes = await theirs.original(hash);
      if (bytes) await store.putOriginal(hash, bytes);
    }
  }

  return {
    async previewFrom(folder) {
      const at = commits;
      const theirs = await readOtherNotebook(folder, store.dataDir);
      const { preview } = await plan(theirs, {});
      const token = randomUUID();
      pending = { token, theirs, commits: at };
      return { token, ...preview };
    },

    handlers: {
      previewMerge: () =>
        Promise.reject(
          new NotebookError(
            'conflict',
            'Merging needs the desktop app, which asks for the other notebook’s folder.',
          ),
        ),

      async applyMerge({ token, choices }): Promise<MergeReport> {
        const held = pending;
        if (!held || held.token !== token) throw conflict(STALE);
        if (commits !== held.commits) throw conflict(STALE);
        if ((await folderFingerprint(held.theirs.folder)) !== held.theirs.fingerprint) {
          throw conflict(
            `The notebook in “${held.theirs.name}” changed since the preview: preview the merge again.`,
          );
        }
        const merged = await plan(held.theirs, choices);
        await copyFiles(held.theirs, merged.bodies, merged.originals);
        const changes: Change[] = [...merged.changes];
        // Others know this notebook by its id from now on; a merge is the first thing that needs it.
        if (store.state.meta.notebookId === undefined) {
          changes.push({ kind: 'meta', key: 'notebookId', value: ctx.newId() });
        }
        const peer: Peer = {
          id: held.theirs.peerId,
          name: held.theirs.name,
          metAt: isoNow(ctx),
          seen: merged.seen,
        };
        changes.push({ kind: 'put', collection: 'peers', record: peer });
        const { folderKey } = held.theirs;
        if (folderKey !== peer.id && store.state.peers.has(folderKey)) {
          changes.push({ kind: 'delete', collection: 'peers', id: folderKey });
        }
        await store.commit(changes);
        pending = undefined;
        const { added, updated, deleted } = merged.preview;
        return { added, updated, deleted, decided: merged.decided, toReview: merged.toReview };
      },
    },
  };
}
