// The codebook: a tree of tags (names unique among siblings, ignoring case) with colours and
// guidance, every operation written to the codebook's change log in the same commit.
import { isDeepStrictEqual } from 'node:util';
import {
  LIMITS,
  splitTagPath,
  TAG_GUIDANCE,
  TAG_PALETTE,
  TAG_PATH_SEPARATOR,
  tagKey,
  type Annotation,
  type Tag,
  type TagGuidanceFields,
  type TagWithCount,
} from '../../shared/model';
import type { Handlers } from '../../shared/contract';
import { conflict, notFound } from '../errors';
import type { Change, NotebookState } from '../store';
import { createdByNow, currentAnalystId, updatedNow } from './analysts';
import { logged } from './codebook-log';
import { isoNow, type ServiceContext } from './context';
import { blindFilter, visibleIn, type Visible } from './visibility';
import { TagTree } from '../../shared/tag-tree';

export function findTag(state: NotebookState, id: string): Tag {
  const tag = state.tags.get(id);
  if (!tag) throw notFound('That tag');
  return tag;
}

const treeOf = (state: NotebookState) => new TagTree(state.tags.values());

/** Where a tag is, for messages: its path in quotes. */
const quoted = (tree: TagTree, id: string) => `“${tree.path(id)}”`;

function assertNameFree(
  tree: TagTree,
  parentId: string | undefined,
  name: string,
  exceptId?: string,
) {
  const clash = tree.child(parentId, name);
  if (clash && clash.id !== exceptId) {
    throw conflict(`A tag named ${quoted(tree, clash.id)} already exists there.`);
  }
}

function assertOneName(name: string) {
  if (name.includes(TAG_PATH_SEPARATOR)) {
    throw conflict(
      `A tag’s name can’t hold “${TAG_PATH_SEPARATOR}”: it separates the names of a path.`,
    );
  }
}

/** Throws unless a subtree `height` levels tall fits under `parentId` (undefined: the top). */
function assertDepth(tree: TagTree, parentId: string | undefined, height: number) {
  const depth = (parentId === undefined ? 0 : tree.depth(parentId) + 1) + height;
  if (depth > LIMITS.tagDepth) {
    throw conflict(`The codebook nests at most ${LIMITS.tagDepth} levels deep.`);
  }
}

/** How many tags use each palette colour, in palette order; colours picked by hand don't count. */
function paletteUse(tags: Iterable<Tag>): number[] {
  const use = TAG_PALETTE.map(() => 0);
  for (const tag of tags) {
    const i = (TAG_PALETTE as readonly string[]).indexOf(tag.color.toLowerCase());
    if (i >= 0) use[i]!++;
  }
  return use;
}

/**
 * The palette colour fewest tags use (the first of those), counted in `use` as taken, so tags
 * created together differ and deleted tags' colours come back first.
 */
function takeColor(use: number[]): string {
  const i = use.indexOf(Math.min(...use));
  use[i]!++;
  return TAG_PALETTE[i]!;
}

const NO_GUIDANCE: TagGuidanceFields = {
  description: '',
  whenToUse: '',
  whenNotToUse: '',
  example: '',
};

function newTag(
  ctx: ServiceContext,
  name: string,
  color: string,
  parentId: string | undefined,
  guidance: Partial<TagGuidanceFields> = {},
): Tag {
  return {
    id: ctx.newId(),
    name: name.trim().normalize('NFC'),
    color: color.toLowerCase(),
    ...NO_GUIDANCE,
    ...guidance,
    ...(parentId !== undefined && { parentId }),
    createdAt: isoNow(ctx),
    ...createdByNow(ctx),
  };
}

/** The guidance fields given, leaving out the ones not given. */
function guidanceIn(input: Partial<TagGuidanceFields>): Partial<TagGuidanceFields> {
  const out: Partial<TagGuidanceFields> = {};
  for (const field of TAG_GUIDANCE) if (input[field] !== undefined) out[field] = input[field];
  return out;
}

/**
 * The tag a typed name means, when it names one already: `Parent/Child` is a path from the top;
 * a single name is the top-level tag of that name, else the one tag anywhere with that name. A
 * name that two tags share asks for the path. Undefined: no tag yet (resolveTagNames makes it).
 */
export function existingTag(tree: TagTree, typed: string): Tag | undefined {
  const names = splitTagPath(typed);
  // Tags named before the tree existed may hold a "/": their whole name still finds them.
  const whole = tree.child(undefined, typed);
  if (whole) return whole;
  if (names.length === 1) {
    const key = tagKey(names[0]!);
    const same = [...tree.byId.values()].filter((t) => tagKey(t.name) === key);
    if (same.length > 1) {
      const paths = same.map((t) => `“${tree.path(t.id)}”`).join(' or ');
      throw conflict(`${same.length} tags are named “${names[0]}”: type its path, ${paths}.`);
    }
    return same[0];
  }
  let parent: Tag | undefined;
  for (const name of names) {
    parent = tree.child(parent?.id, name);
    if (!parent) return undefined;
  }
  return parent;
}

/**
 * Turns tags typed by the analyst (names or `Parent/Child` paths) into tag ids, creating the tags
 * a path names that don't exist yet. The new tags and their log entries come back as changes, to
 * be committed with the annotation that uses them.
 */
export function resolveTagNames(
  ctx: ServiceContext,
  typedNames: string[],
): { tagIds: string[]; changes: Change[] } {
  const tree = treeOf(ctx.store.state);
  const use = paletteUse(ctx.store.state.tags.values());
  const tagIds: string[] = [];
  const changes: Change[] = [];
  for (const typed of typedNames) {
    let tag = existingTag(tree, typed);
    if (!tag) {
      const names = splitTagPath(typed);
      if (names.length === 0) throw conflict('A tag needs a name.');
      if (names.length > LIMITS.tagDepth) {
        throw conflict(`The codebook nests at most ${LIMITS.tagDepth} levels deep.`);
      }
      for (const name of names) {
        if (name.length > LIMITS.tagName) {
          throw conflict(
            `“${name.slice(0, 20)}…” is longer than a tag name may be (${LIMITS.tagName}).`,
          );
        }
        const found = tree.child(tag?.id, name);
        if (found) {
          tag = found;
          continue;
        }
        const made: Tag = newTag(ctx, name, takeColor(use), tag?.id);
        tree.add(made);
        changes.push({ kind: 'put', collection: 'tags', record: made });
        changes.push(logged(ctx, 'create', { id: made.id, path: tree.path(made.id) }));
        tag = made;
      }
    }
    if (tag && !tagIds.includes(tag.id)) tagIds.push(tag.id);
  }
  return { tagIds, changes };
}

const annotationsWith = (state: NotebookState, tagId: string) =>
  [...state.annotations.values()].filter((a) => a.tagIds.includes(tagId));

const put = (record: Annotation): Change => ({ kind: 'put', collection: 'annotations', record });
const putTag = (record: Tag): Change => ({ kind: 'put', collection: 'tags', record });

/** The tag under another parent (undefined: the top). */
function reparented(tag: Tag, parentId: string | undefined): Tag {
  const { parentId: _old, ...rest } = tag;
  return parentId === undefined ? rest : { ...rest, parentId };
}

/**
 * Per tag: its own count, its subtree's (each annotation once), and the annotations whose only
 * tag it is. One pass over the annotations (those `visible` keeps); each tag's ancestors are
 * worked out once.
 */
function countTags(state: NotebookState, tree: TagTree, visible: Visible | null) {
  const own = new Map<string, number>();
  const total = new Map<string, number>();
  const only = new Map<string, number>();
  const lineOf = (id: string) => tree.lineage(id);
  const counted = new Set<string>();
  for (const a of visibleIn(state, visible)) {
    counted.clear();
    for (const id of a.tagIds) {
      own.set(id, (own.get(id) ?? 0) + 1);
      for (const up of lineOf(id)) counted.add(up);
    }
    for (const id of counted) total.set(id, (total.get(id) ?? 0) + 1);
    const sole = a.tagIds.length === 1 ? a.tagIds[0]! : undefined;
    if (sole) only.set(sole, (only.get(sole) ?? 0) + 1);
  }
  return { own, total, only };
}

export function tagHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  | 'listTags'
  | 'createTag'
  | 'updateTag'
  | 'mergeTags'
  | 'splitTag'
  | 'deleteTag'
  | 'listCodebookLog'
> {
  const { store } = ctx;
  const { state } = store;

  /** The annotation with its tags replaced, stamped as changed now by the analyst coding. */
  const retagged = (a: Annotation, tagIds: string[]): Annotation => {
    const by = currentAnalystId(ctx);
    return { ...a, tagIds, updatedAt: isoNow(ctx), ...(by !== undefined && { updatedBy: by }) };
  };

  return {
    async listTags() {
      const tree = treeOf(state);
      const { own, total, only } = countTags(state, tree, await blindFilter(ctx));
      // Parents before children, siblings by name: the codebook's own order.
      return tree.ordered().map((t): TagWithCount => ({
        ...t,
        path: tree.path(t.id),
        count: own.get(t.id) ?? 0,
        total: total.get(t.id) ?? 0,
        onlyTag: only.get(t.id) ?? 0,
      }));
    },

    async createTag({ name, parentId, color, ...guidance }) {
      const tree = treeOf(state);
      assertOneName(name);
      if (parentId !== undefined) findTag(state, parentId);
      assertDepth(tree, parentId, 1);
      assertNameFree(tree, parentId, name);
      const chosen = color ?? takeColor(paletteUse(state.tags.values()));
      const tag = newTag(ctx, name, chosen, parentId, guidanceIn(guidance));
      tree.add(tag);
      await store.commit([
        putTag(tag),
        logged(ctx, 'create', { id: tag.id, path: tree.path(tag.id) }),
      ]);
      return tag;
    },

    async updateTag({ id, name, color, parentId, ...guidance }) {
      const tag = findTag(state, id);
      const tree = treeOf(state);
      const was = { id, path: tree.path(id) };
      const moving = parentId !== undefined && (parentId ?? undefined) !== tag.parentId;
      const parent = moving ? (parentId ?? undefined) : tag.parentId;
      if (name !== undefined) assertOneName(name);
      if (moving && parent !== undefined) {
        findTag(state, parent);
        if (parent === id || tree.descendants(id).some((t) => t.id === parent)) {
          throw conflict(`${quoted(tree, id)} can’t go under itself or a tag below it.`);
        }
        assertDepth(tree, parent, tree.height(id));
      }
      const newName = name?.trim().normalize('NFC');
      if (moving || newName !== undefined) assertNameFree(tree, parent, newName ?? tag.name, id);

      const changedGuidance = Object.entries(guidanceIn(guidance)).filter(
        ([field, value]) => tag[field as keyof TagGuidanceFields] !== value,
      );
      const updated: Tag = {
        ...reparented(tag, parent),
        ...(newName !== undefined && { name: newName }),
        ...(color !== undefined && { color: color.toLowerCase() }),
        ...Object.fromEntries(changedGuidance),
      };
      const log: Change[] = [];
      // Nothing different (a field committed twice, a name typed as it was): no commit, no step.
      if (isDeepStrictEqual(updated, tag)) return tag;
      if (newName !== undefined && newName !== tag.name)
        log.push(logged(ctx, 'rename', was, { to: newName }));
      if (moving) {
        log.push(logged(ctx, 'move', was, { to: parent === undefined ? '' : tree.path(parent) }));
      }
      if (color !== undefined && color.toLowerCase() !== tag.color) {
        log.push(logged(ctx, 'recolour', was, { to: updated.color }));
      }
      if (changedGuidance.length > 0) log.push(logged(ctx, 'describe', was));
      const stamped: Tag = { ...updated, ...updatedNow(ctx) };
      await store.commit([putTag(stamped), ...log]);
      return stamped;
    },

    async mergeTags({ sourceId, targetId }) {
      const source = findTag(state, sourceId);
      const target = findTag(state, targetId);
      const tree = treeOf(state);
      if (tree.descendants(sourceId).some((t) => t.id === targetId)) {
        throw conflict(
          `${quoted(tree, targetId)} is below ${quoted(tree, sourceId)}: move it out first, or merge the other way.`,
        );
      }
      const children = tree.children(sourceId);
      for (const child of children) {
        const clash = tree.child(targetId, child.name);
        if (clash) {
          throw conflict(
            `Both have a tag named “${child.name}” under them (${quoted(tree, child.id)} and ${quoted(tree, clash.id)}): merge or rename one of those first.`,
          );
        }
      }
      assertDepth(tree, targetId, Math.max(0, tree.height(sourceId) - 1));
      const annotations = annotationsWith(state, sourceId);
      const changes: Change[] = annotations.map((a) =>
        put(
          retagged(
            a,
            a.tagIds.includes(targetId)
              ? a.tagIds.filter((t) => t !== sourceId)
              : a.tagIds.map((t) => (t === sourceId ? targetId : t)),
          ),
        ),
      );
      for (const child of children)
        changes.push(putTag({ ...reparented(child, targetId), ...updatedNow(ctx) }));
      changes.push({ kind: 'delete', collection: 'tags', id: sourceId });
      changes.push(
        logged(
          ctx,
          'merge',
          { id: sourceId, path: tree.path(source.id) },
          {
            other: { tagId: targetId, path: tree.path(target.id) },
            annotations: annotations.length,
            children: children.length,
          },
        ),
      );
      await store.commit(changes);
      return target;
    },

    async splitTag({ id, name, annotationIds }) {
      const tag = findTag(state, id);
      const tree = treeOf(state);
      assertOneName(name);
      assertNameFree(tree, tag.parentId, name);
      const moving = annotationIds.map((annotationId) => {
        const a = state.annotations.get(annotationId);
        if (!a) throw notFound('One of those annotations');
        if (!a.tagIds.includes(id)) {
          throw conflict(`One of those annotations is not tagged ${quoted(tree, id)}.`);
        }
        return a;
      });
      const guidance: TagGuidanceFields = {
        description: tag.description,
        whenToUse: tag.whenToUse,
        whenNotToUse: tag.whenNotToUse,
        example: tag.example,
      };
      const made = newTag(
        ctx,
        name,
        takeColor(paletteUse(state.tags.values())),
        tag.parentId,
        guidance,
      );
      tree.add(made);
      const changes: Change[] = [putTag(made)];
      for (const a of new Set(moving)) {
        changes.push(
          put(
            retagged(
              a,
              a.tagIds.map((t) => (t === id ? made.id : t)),
            ),
          ),
        );
      }
      changes.push(
        logged(
          ctx,
          'split',
          { id, path: tree.path(id) },
          {
            other: { tagId: made.id, path: tree.path(made.id) },
            annotations: new Set(moving).size,
          },
        ),
      );
      await store.commit(changes);
      return made;
    },

    async deleteTag({ id, annotations }) {
      const tag = findTag(state, id);
      const tree = treeOf(state);
      const children = tree.children(id);
      for (const child of children) {
        const clash = tree.child(tag.parentId, child.name);
        if (clash && clash.id !== id) {
          throw conflict(
            `Its child ${quoted(tree, child.id)} would move up beside ${quoted(tree, clash.id)}, which has the same name: merge or rename one of them first.`,
          );
        }
      }
      const changes: Change[] = [];
      let deletedAnnotations = 0;
      let changed = 0;
      // Under blind coding the analyst was shown (and asked about) only their own passages: other
      // coders' lose the tag but are never deleted unseen.
      const visible = await blindFilter(ctx);
      for (const a of annotationsWith(state, id)) {
        if (annotations === 'delete' && a.tagIds.length === 1 && (!visible || visible(a))) {
          deletedAnnotations++;
          changes.push({ kind: 'delete', collection: 'annotations', id: a.id });
        } else {
          changed++;
          changes.push(
            put(
              retagged(
                a,
                a.tagIds.filter((t) => t !== id),
              ),
            ),
          );
        }
      }
      for (const child of children)
        changes.push(putTag({ ...reparented(child, tag.parentId), ...updatedNow(ctx) }));
      changes.push({ kind: 'delete', collection: 'tags', id });
      changes.push(
        logged(
          ctx,
          'delete',
          { id, path: tree.path(id) },
          { annotations: changed, deletedAnnotations, children: children.length },
        ),
      );
      await store.commit(changes);
      return { deletedAnnotations, liftedChildren: children.length };
    },

    async listCodebookLog() {
      return [...state.codebookLog.values()];
    },
  };
}
