// How the notebook's records look as CouchDB documents: each record is `<collection>:<id>`
// holding the record and a hash of its content; a deleted record is a `_deleted` document that
// carries the tombstone; each article body is `body:<sha-256>` with the body's canonical JSON as
// an attachment (bodies are immutable and content-addressed, and can be megabytes: an attachment
// is not held to a document's size limit). Tombstones, peers and the notebook's own facts (its id,
// who codes on this machine) stay local.
import { createHash } from 'node:crypto';
import type { Tombstone } from '../../shared/model';
import type { Change, NotebookState } from '../store';
import type { CollectionName } from '../store/notebook-data';

export const SYNCED_COLLECTIONS = [
  'articles',
  'annotations',
  'tags',
  'analysts',
  'codebookLog',
  'adjudications',
] as const satisfies readonly CollectionName[];
export type SyncedCollection = (typeof SYNCED_COLLECTIONS)[number];

const synced = new Set<string>(SYNCED_COLLECTIONS);
export const isSynced = (collection: string): collection is SyncedCollection =>
  synced.has(collection);

/** Documents written by this version; a newer shape would say so here. */
export const DOC_VERSION = 1;

/** What a document holds in place of a hash when its record is deleted (or was never there). */
export const DELETED = 'deleted';

export const BODY_ATTACHMENT = 'body.json';

export type RecordOf<C extends SyncedCollection> = Extract<
  Change,
  { kind: 'put'; collection: C }
>['record'];

export interface RecordDoc {
  _id: string;
  _rev?: string;
  v: number;
  collection: SyncedCollection;
  record: RecordOf<SyncedCollection>;
  hash: string;
}

export interface DeletedDoc {
  _id: string;
  _rev?: string;
  _deleted: true;
  v: number;
  collection: SyncedCollection;
  hash: typeof DELETED;
  tombstone?: Tombstone;
  /**
   * Written by deciding a delete-against-edit conflict for the delete: a side settled, never
   * listed as a conflict again (whatever revision a later record is written on).
   */
  decided?: true;
}

export type NotebookDoc = RecordDoc | DeletedDoc;

export type DocKey = { collection: SyncedCollection; id: string };

export const docIdOf = (collection: SyncedCollection, id: string) => `${collection}:${id}`;
export const bodyDocIdOf = (hash: string) => `body:${hash}`;

/** The record a document id names, or undefined for any other document (a body, a design doc). */
export function keyOf(docId: string): DocKey | undefined {
  const colon = docId.indexOf(':');
  if (colon <= 0) return undefined;
  const collection = docId.slice(0, colon);
  const id = docId.slice(colon + 1);
  return isSynced(collection) && id !== '' ? { collection, id } : undefined;
}

/** The body hash a `body:` document id names. */
export function bodyHashOf(docId: string): string | undefined {
  const match = /^body:([0-9a-f]{64})$/.exec(docId);
  return match?.[1];
}

/**
 * A record's content hash: the sha-256 of its JSON with every object's keys sorted, so the
 * same content gives the same hash whichever code built the object (a record read back through
 * the store's schema comes out in the schema's key order).
 */
export function recordHash(record: unknown): string {
  return createHash('sha256').update(stableJson(record)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function recordIn(
  state: NotebookState,
  key: DocKey,
): RecordOf<SyncedCollection> | undefined {
  return state[key.collection].get(key.id);
}

/** The store's side of a document: its record's hash, or DELETED when it has none. */
export function stateHash(state: NotebookState, key: DocKey): string {
  const record = recordIn(state, key);
  return record ? recordHash(record) : DELETED;
}

/** The document the store's current record makes (without a _rev). */
export function docFromState(state: NotebookState, key: DocKey): NotebookDoc {
  const _id = docIdOf(key.collection, key.id);
  const record = recordIn(state, key);
  if (record) {
    return { _id, v: DOC_VERSION, collection: key.collection, record, hash: recordHash(record) };
  }
  const tombstone = state.tombstones.get(key.id);
  return {
    _id,
    _deleted: true,
    v: DOC_VERSION,
    collection: key.collection,
    hash: DELETED,
    ...(tombstone?.collection === key.collection && { tombstone }),
  };
}

/** The doc ids a commit's changes touch (tombstones come with their record's delete). */
export function docIdsOf(changes: readonly Change[]): string[] {
  const ids: string[] = [];
  for (const change of changes) {
    if (change.kind === 'meta' || !isSynced(change.collection)) continue;
    ids.push(docIdOf(change.collection, change.kind === 'put' ? change.record.id : change.id));
  }
  return ids;
}
