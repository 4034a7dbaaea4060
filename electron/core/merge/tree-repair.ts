// The codebook after a merge must still be a tree with names unique among siblings: each side may
// have moved or renamed tags in ways that are fine alone and clash together (A under B here, B
// under A there; two tags called "Energy" under one parent). Theirs gives way: a tag of theirs in
// a loop keeps our parent, a name of theirs that clashes gets the other notebook's name after it.
import { LIMITS, tagKey, TAG_PATH_SEPARATOR, type Tag } from '../../shared/model';
import type { NotebookState } from '../store/notebook-data';
import type { OtherNotebook } from './read-folder';
import type { ResultState } from './result-state';

export function settleTree(
  result: ResultState,
  ours: NotebookState,
  twoCodes: ReadonlySet<string>,
  theirs: OtherNotebook,
  problems: string[],
) {
  breakLoops(result, ours, problems);
  renameClashes(result, twoCodes, theirs.name, problems);
}

function breakLoops(result: ResultState, ours: NotebookState, problems: string[]) {
  for (const start of [...result.tags.keys()]) {
    const seen = new Set<string>();
    for (let id: string | undefined = start; id !== undefined;) {
      if (seen.has(id)) {
        const tag = result.tags.get(id)!;
        const mine = ours.tags.get(id);
        const { parentId: _loop, ...rest } = tag;
        const parentId = mine?.parentId;
        result.tags.set(id, parentId === undefined ? rest : { ...rest, parentId });
        problems.push(
          `“${tag.name}” was moved under itself by the two notebooks’ moves together; it stays where it was here.`,
        );
        break;
      }
      seen.add(id);
      id = result.tags.get(id)?.parentId;
    }
  }
}

function renameClashes(
  result: ResultState,
  twoCodes: ReadonlySet<string>,
  sourceName: string,
  problems: string[],
) {
  const groups = new Map<string, Tag[]>();
  for (const tag of result.tags.values()) {
    const key = `${tag.parentId ?? ''}\u0000${tagKey(tag.name)}`;
    const group = groups.get(key);
    if (group) group.push(tag);
    else groups.set(key, [tag]);
  }
  const suffix = ` (${sourceName.split(TAG_PATH_SEPARATOR).join(' ').trim() || 'merged'})`;
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Ours keeps its name: it is what this notebook's coders know the code by.
    const ordered = [...group].sort(
      (a, b) => Number(result.fromTheirs.has(a.id)) - Number(result.fromTheirs.has(b.id)),
    );
    const siblings = new Set(
      [...result.tags.values()]
        .filter((t) => t.parentId === ordered[0]!.parentId)
        .map((t) => tagKey(t.name)),
    );
    for (const tag of ordered.slice(1)) {
      const base = tag.name.slice(0, LIMITS.tagName - suffix.length - 4);
      let name = `${base}${suffix}`;
      for (let n = 2; siblings.has(tagKey(name)); n++) name = `${base}${suffix} ${n}`;
      siblings.add(tagKey(name));
      result.tags.set(tag.id, { ...tag, name });
      if (!twoCodes.has(tag.id)) {
        problems.push(`Two tags were called “${tag.name}” in one place; theirs is now “${name}”.`);
      }
    }
  }
}
