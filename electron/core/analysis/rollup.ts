// The codebook's roll-up: a passage about a tag is a passage about every tag above it, so a
// parent's total counts its subtree's passages, each passage once.
import type { Annotation } from '../../shared/model';
import type { TagTree } from '../../shared/tag-tree';
import type { TagsOf } from './frequencies';

/** A tag and the tags above it, nearest first; a tag the tree doesn't know stands alone. */
export function lineage(tree: TagTree): (tagId: string) => readonly string[] {
  const lines = new Map<string, string[]>();
  return (tagId) => {
    let line = lines.get(tagId);
    if (line) return line;
    line = [tagId];
    const seen = new Set(line);
    // A cycle of parents (only damage makes one) ends the walk.
    for (let up = tree.byId.get(tagId)?.parentId; up !== undefined && !seen.has(up);) {
      if (!tree.byId.has(up)) break;
      line.push(up);
      seen.add(up);
      up = tree.byId.get(up)?.parentId;
    }
    lines.set(tagId, line);
    return line;
  };
}

/** What a passage counts for in the roll-up: its tags and their ancestors, each once. */
export function rolledUp(tree: TagTree): TagsOf {
  const lineOf = lineage(tree);
  return (annotation: Annotation) => {
    // Most passages have one tag: its line is already each tag once.
    if (annotation.tagIds.length === 1) return lineOf(annotation.tagIds[0]!);
    const tags = new Set<string>();
    for (const id of annotation.tagIds) for (const up of lineOf(id)) tags.add(up);
    return tags;
  };
}
