// Bodies against the records that need them: at start every revision's body file is checked
// against its hash (a missing or damaged one is named, never silently skipped), from its bytes
// alone: the bytes are exactly what was written, and what they say is checked when the body is
// read (bodies.ts get: a body only a newer app writes refuses that article with "update the app").
// At compaction, bodies nothing on disk refers to any more are removed.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { UnreadableText } from '../../shared/notices';
import type { BodyStore } from './bodies';
import { isMissing } from './durable-file';
import type { NotebookState } from './notebook-data';

/** How many bodies are read at once at start. */
const PARALLEL = 4;

/** Every revision whose body is missing or damaged. */
export async function findUnreadableTexts(
  state: NotebookState,
  bodies: BodyStore,
  skip: ReadonlySet<string> = new Set(),
): Promise<UnreadableText[]> {
  const wanted = new Map<string, { articleId: string; title: string; revision: number }[]>();
  for (const article of state.articles.values()) {
    for (const r of article.revisions) {
      if (skip.has(r.bodyHash)) continue;
      const users = wanted.get(r.bodyHash) ?? [];
      users.push({ articleId: article.id, title: article.title, revision: r.number });
      wanted.set(r.bodyHash, users);
    }
  }
  const hashes = [...wanted.keys()];
  const unreadable: UnreadableText[] = [];
  for (let i = 0; i < hashes.length; i += PARALLEL) {
    const batch = hashes.slice(i, i + PARALLEL);
    const results = await Promise.all(batch.map((hash) => bodies.verify(hash)));
    results.forEach((result, j) => {
      if (result === 'ok') return;
      for (const user of wanted.get(batch[j]!) ?? []) unreadable.push({ ...user, problem: result });
    });
  }
  return unreadable;
}

export const bodyHashesOf = (state: NotebookState): Set<string> =>
  new Set([...state.articles.values()].flatMap((a) => a.revisions.map((r) => r.bodyHash)));

const BODY_REFERENCE = /"bodyHash":"([0-9a-f]{64})"/g;

/**
 * Removes bodies that no revision needs any more. "Needs" is read widely: the current state,
 * every file beside the notebook (snapshot, backup, restore points, journals, and whatever was set
 * aside, which the analyst may still want to restore) and any body put in this run. Run after the
 * snapshot that stopped referring to them is durable.
 */
export class BodyCollector {
  /** Hashes each file refers to, kept while the file is unchanged. */
  readonly #scanned = new Map<string, { size: number; mtimeMs: number; hashes: Set<string> }>();

  constructor(
    readonly dir: string,
    readonly bodies: BodyStore,
  ) {}

  async collect(inUse: Set<string>): Promise<string[]> {
    const candidates = (await this.bodies.list()).filter(
      (h) => !inUse.has(h) && !this.bodies.putThisRun.has(h),
    );
    if (candidates.length === 0) return [];
    const referenced = await this.#referencedOnDisk();
    const removed: string[] = [];
    for (const hash of candidates) {
      if (referenced.has(hash)) continue;
      await this.bodies.remove(hash);
      removed.push(hash);
    }
    return removed;
  }

  async #referencedOnDisk(): Promise<Set<string>> {
    const referenced = new Set<string>();
    for (const entry of await readdir(this.dir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const hashes = await this.#referencedBy(path.join(this.dir, entry.name));
      for (const hash of hashes) referenced.add(hash);
    }
    return referenced;
  }

  async #referencedBy(file: string): Promise<Set<string>> {
    try {
      const info = await stat(file);
      const known = this.#scanned.get(file);
      if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known.hashes;
      // latin1: the hashes are ASCII, and no byte can fail to decode.
      const text = (await readFile(file)).toString('latin1');
      const hashes = new Set([...text.matchAll(BODY_REFERENCE)].map((m) => m[1] ?? ''));
      this.#scanned.set(file, { size: info.size, mtimeMs: info.mtimeMs, hashes });
      return hashes;
    } catch (error) {
      if (isMissing(error)) return new Set(); // removed meanwhile: it refers to nothing now
      throw error;
    }
  }
}
