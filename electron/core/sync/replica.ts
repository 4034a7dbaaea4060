// The replica: a PouchDB database in the notebook's folder (<dataDir>/replica/) that speaks
// CouchDB's replication protocol with the team's server. lowdb stays the store of record; the
// replica only carries records to and from the server. PouchDB loads on first use, so a notebook
// that doesn't sync never loads it, and nothing in it connects anywhere until sync starts.
import { rename } from 'node:fs/promises';
import path from 'node:path';
import type PouchDB from 'pouchdb-node';
import { fileStamp } from '../store/recovery';

export type Replica = PouchDB.Database;
export type PouchStatic = PouchDB.Static;

export const REPLICA_FOLDER = 'replica';

let loading: Promise<PouchStatic> | undefined;

export function loadPouch(): Promise<PouchStatic> {
  loading ??= import('pouchdb-node').then((module) => module.default);
  return loading;
}

/**
 * Opens the replica; one that can't be opened (damaged files) is set aside as
 * `replica.damaged-<time>` and a new one made: everything in it is in the notebook or on the
 * server, so a new replica syncs back to the same place.
 */
export async function openReplica(dataDir: string): Promise<Replica> {
  const PouchDB = await loadPouch();
  const folder = path.join(dataDir, REPLICA_FOLDER);
  const open = async () => {
    const db = new PouchDB(folder, { auto_compaction: false });
    await db.info();
    return db;
  };
  try {
    return await open();
  } catch (error) {
    console.error('The sync replica could not be opened; starting a new one', error);
    await rename(folder, `${folder}.damaged-${fileStamp(new Date())}`);
    return open();
  }
}

/** A read of a _local document (never replicated), or undefined when there is none. */
export async function getLocal<T>(
  db: Replica,
  id: string,
): Promise<(T & { _rev: string }) | undefined> {
  try {
    return (await db.get(`_local/${id}`)) as unknown as T & { _rev: string };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}
