// Replication with a CouchDB database the team runs: what the analyst configures and what the
// window shows of it. The core's sync layer (electron/core/sync) keeps a PouchDB replica beside
// the notebook and maps records to documents and back; lowdb stays the store of record.

export interface SyncConfig {
  /** The database's URL (https, or http on a loopback address only); '' when not configured. */
  url: string;
  username: string;
  /** Replicate continuously while the app runs. */
  enabled: boolean;
  /** A password is kept for this URL and user (in the host's secret store, never in the notebook). */
  hasPassword: boolean;
}

/**
 * off: not configured or turned off; connecting: first contact; syncing: sending or receiving;
 * idle: up to date and listening; offline: the server can't be reached, changes wait and go when
 * it comes back; error: refused (credentials, a database that isn't CouchDB), with a message.
 */
export const SYNC_STATES = ['off', 'connecting', 'syncing', 'idle', 'offline', 'error'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface SyncStatus {
  state: SyncState;
  /** When the replica and the server last agreed (ISO). */
  lastSyncedAt?: string;
  /** Documents sent and received since the app started. */
  pushed: number;
  pulled: number;
  /** Conflicts the server reported that wait for the analyst (the conflict view). */
  conflicts: number;
  /** A sentence for offline and error. */
  message?: string;
}

export interface SyncInfo {
  config: SyncConfig;
  status: SyncStatus;
}

export interface SyncConfigInput {
  url: string;
  username: string;
  /** A new password; absent: keep the one kept; '' forgets it. */
  password?: string;
  enabled: boolean;
}
