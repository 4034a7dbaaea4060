// The store's records as replica documents to write: on top of the replica's revision (a plain
// put), or as a branch of the revision both sides last agreed on (both changed: CouchDB then keeps
// both and reports a conflict). An article's bodies go first, as `body:<hash>` documents.
import { createHash } from 'node:crypto';
import type { ArticleRecord } from '../../shared/model';
import type { NotebookStore } from '../store';
import { canonicalBody } from '../store/bodies';
import { BODY_ATTACHMENT, DOC_VERSION, bodyDocIdOf, type NotebookDoc } from './documents';
import type { Replica } from './replica';

/** A branch's revision: one past its parent, named by its content and the notebook writing it. */
export function branchOf(
  doc: NotebookDoc,
  parent: string | undefined,
  notebookId: string,
): NotebookDoc & { _rev: string; _revisions: { start: number; ids: string[] } } {
  const [depth, parentId] = parent ? splitRev(parent) : [0, undefined];
  const id = createHash('md5')
    .update(`${parent ?? ''}\n${doc.hash}\n${notebookId}`)
    .digest('hex');
  const start = depth + 1;
  return {
    ...doc,
    _rev: `${start}-${id}`,
    _revisions: { start, ids: parentId ? [id, parentId] : [id] },
  };
}

function splitRev(rev: string): [number, string] {
  const dash = rev.indexOf('-');
  return [Number(rev.slice(0, dash)), rev.slice(dash + 1)];
}

/** Writes the bodies of these articles the replica doesn't hold yet. */
export async function pushBodies(
  articles: readonly ArticleRecord[],
  replica: Replica,
  store: NotebookStore,
): Promise<void> {
  const hashes = new Set(articles.flatMap((a) => a.revisions.map((r) => r.bodyHash)));
  if (hashes.size === 0) return;
  const ids = [...hashes].map(bodyDocIdOf);
  const present = await replica.allDocs({ keys: ids });
  const missing = present.rows.filter((row) => 'error' in row).map((row) => row.key);
  const docs = [];
  for (const id of missing) {
    const hash = id.slice('body:'.length);
    let json: string;
    try {
      json = canonicalBody(await store.getBody(hash)).json;
    } catch {
      // Unreadable here: the article goes without it, and the other side shows it as missing
      // text until someone who has it syncs.
      continue;
    }
    docs.push({
      _id: id,
      v: DOC_VERSION,
      hash,
      _attachments: {
        [BODY_ATTACHMENT]: { content_type: 'application/json', data: Buffer.from(json, 'utf8') },
      },
    });
  }
  // A body another side wrote meanwhile conflicts harmlessly: the same content under one id.
  if (docs.length > 0) await replica.bulkDocs(docs);
}
