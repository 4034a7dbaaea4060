// The codebook's roll-up: a passage about a tag is a passage about every tag above it, so a
// parent's total counts its subtree's passages, each passage once.
import type { Annotation } from '../../shared/model';
import type { TagTree } from '../../shared/tag-tree';
import type { TagsOf } from './frequencies';

/** What a passage counts for in the roll-up: its tags and their ancestors, each once. */
export function rolledUp(tree: TagTree): TagsOf {
  const lineOf = (id: string) => tree.lineage(id);
  return (annotation: Annotation) => {
    // Most passages have one tag: its line is already each tag once.
    if (annotation.tagIds.length === 1) return lineOf(annotation.tagIds[0]!);
    const tags = new Set<string>();
    for (const id of annotation.tagIds) for (const up of lineOf(id)) tags.add(up);
    return tags;
  };
}
