// The part of PouchDB the sync layer uses, typed here: @types/pouchdb-core declares a global
// Buffer of its own that breaks Node's, so it can't be installed beside @types/node.
declare module 'pouchdb-node' {
  namespace PouchDB {
    interface Doc {
      _id: string;
      _rev?: string;
      _deleted?: boolean;
      [field: string]: unknown;
    }
    type Written =
      | { ok: true; id: string; rev: string }
      | { error: string; id?: string; status?: number; message?: string };
    type AllDocsRow =
      | { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Doc | null }
      | { key: string; error: string };
    interface Emitter {
      on(event: string, listener: (...args: never[]) => void): this;
      cancel(): void;
    }
    interface Database {
      info(): Promise<{ update_seq: number | string; doc_count: number }>;
      get(
        id: string,
        options?: { rev?: string; conflicts?: boolean },
      ): Promise<Doc & { _rev: string }>;
      put(doc: Doc): Promise<{ ok: true; id: string; rev: string }>;
      remove(id: string, rev: string): Promise<{ ok: true; id: string; rev: string }>;
      bulkDocs(docs: Doc[], options?: { new_edits?: boolean }): Promise<Written[]>;
      allDocs(options: {
        keys?: string[];
        include_docs?: boolean;
        conflicts?: boolean;
        limit?: number;
      }): Promise<{ total_rows: number; rows: AllDocsRow[] }>;
      getAttachment(id: string, name: string): Promise<Buffer>;
      changes(options: {
        since: number | string;
        live: true;
        return_docs?: boolean;
        style?: 'main_only' | 'all_docs';
      }): Emitter;
      sync(
        remote: Database,
        options: {
          live: boolean;
          retry: boolean;
          batch_size?: number;
          back_off_function?: (delay: number) => number;
        },
      ): Emitter & { push: Emitter; pull: Emitter };
      close(): Promise<void>;
      destroy(): Promise<void>;
    }
    interface Static {
      new (
        name: string,
        options?: {
          auto_compaction?: boolean;
          auth?: { username: string; password: string };
          skip_setup?: boolean;
        },
      ): Database;
    }
  }
  const PouchDB: PouchDB.Static;
  export = PouchDB;
}
