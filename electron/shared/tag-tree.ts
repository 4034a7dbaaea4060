// The codebook as a tree: tags by parent, paths, and the names that must stay unique among
// siblings. Built from the state when a call needs it (500 tags take well under a millisecond),
// so it never goes stale between calls.
import { joinTagPath, tagKey, tagPathOf, type Tag } from './model';

export class TagTree {
  readonly byId: ReadonlyMap<string, Tag>;
  readonly #children = new Map<string | undefined, Tag[]>();

  readonly #byId = new Map<string, Tag>();

  constructor(tags: Iterable<Tag>) {
    this.byId = this.#byId;
    for (const tag of tags) this.#byId.set(tag.id, tag);
    for (const tag of this.#byId.values()) this.#place(tag);
  }

  /** A tag made during the call (a path typed with new names): later lookups see it. */
  add(tag: Tag): void {
    // A lineage worked out before may have met this tag's id as unknown.
    this.#lineages.clear();
    this.#byId.set(tag.id, tag);
    this.#place(tag);
  }

  #place(tag: Tag) {
    // A parent that is gone (damage, or a merge from a copy) leaves its child at the top.
    const parent =
      tag.parentId !== undefined && this.#byId.has(tag.parentId) ? tag.parentId : undefined;
    const siblings = this.#children.get(parent);
    if (siblings) siblings.push(tag);
    else this.#children.set(parent, [tag]);
  }

  /** The tags directly under `parentId` (undefined: the top of the tree). */
  children(parentId: string | undefined): readonly Tag[] {
    return this.#children.get(parentId) ?? [];
  }

  /** The child of `parentId` with this name, ignoring case and spacing (see tagKey). */
  child(parentId: string | undefined, name: string): Tag | undefined {
    const key = tagKey(name);
    return this.children(parentId).find((t) => tagKey(t.name) === key);
  }

  /** Every tag below `id`, nearest first; `id` itself not included. */
  descendants(id: string): Tag[] {
    const out: Tag[] = [];
    const seen = new Set([id]);
    const queue = [...this.children(id)];
    while (queue.length > 0) {
      const tag = queue.shift()!;
      if (seen.has(tag.id)) continue;
      seen.add(tag.id);
      out.push(tag);
      queue.push(...this.children(tag.id));
    }
    return out;
  }

  /** `Parent/Child` for the tag with this id. */
  path(id: string): string {
    const tag = this.byId.get(id);
    return tag ? joinTagPath(tagPathOf(tag, this.byId)) : '';
  }

  readonly #lineages = new Map<string, string[]>();

  /**
   * The tag and the tags above it, nearest first (what a roll-up counts a passage for); a tag the
   * tree doesn't know stands alone. Kept once worked out: roll-ups ask it for every passage.
   */
  lineage(id: string): readonly string[] {
    let line = this.#lineages.get(id);
    if (line) return line;
    line = [id];
    const seen = new Set(line);
    // A cycle of parents (only damage makes one) ends the walk.
    for (let up = this.#byId.get(id)?.parentId; up !== undefined && !seen.has(up);) {
      if (!this.#byId.has(up)) break;
      line.push(up);
      seen.add(up);
      up = this.#byId.get(up)?.parentId;
    }
    this.#lineages.set(id, line);
    return line;
  }

  /** How many tags it sits under: 0 at the top. */
  depth(id: string): number {
    const tag = this.byId.get(id);
    return tag ? tagPathOf(tag, this.byId).length - 1 : 0;
  }

  /** How many levels the subtree of `id` has, itself included (a leaf: 1). */
  height(id: string): number {
    const below = this.descendants(id);
    const base = this.depth(id);
    return below.reduce((most, tag) => Math.max(most, this.depth(tag.id) - base), 0) + 1;
  }

  /** The tags, parents before children, siblings by name: the order the codebook lists them in. */
  ordered(): Tag[] {
    const out: Tag[] = [];
    const walk = (parent: string | undefined): void => {
      const sorted = [...this.children(parent)].sort((a, b) => a.name.localeCompare(b.name));
      for (const tag of sorted) {
        out.push(tag);
        walk(tag.id);
      }
    };
    walk(undefined);
    // Tags in a cycle of parents (only damage makes one) are still listed, last.
    if (out.length < this.byId.size) {
      const listed = new Set(out);
      for (const tag of this.byId.values()) if (!listed.has(tag)) out.push(tag);
    }
    return out;
  }
}

/** A tag's path as a key: each name as tagKey compares it (`economy/trade`). */
export function pathKeyOf(tree: TagTree, id: string): string {
  const tag = tree.byId.get(id);
  return tag ? joinTagPath(tagPathOf(tag, tree.byId).map(tagKey)) : '';
}
