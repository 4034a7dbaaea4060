// The codebook: tags with name, colour and description, unique by name ignoring case.
import {
  TAG_PALETTE,
  tagKey,
  type Annotation,
  type Tag,
  type TagWithCount,
} from '../../shared/model';
import type { Handlers } from '../../shared/contract';
import { conflict, notFound } from '../errors';
import type { Change, NotebookState } from '../store';
import { isoNow, type ServiceContext } from './context';

export function findTag(state: NotebookState, id: string): Tag {
  const tag = state.tags.get(id);
  if (!tag) throw notFound('That tag');
  return tag;
}

function assertNameFree(state: NotebookState, name: string, exceptId?: string) {
  const key = tagKey(name);
  for (const tag of state.tags.values()) {
    if (tag.id !== exceptId && tagKey(tag.name) === key) {
      throw conflict(`A tag named “${tag.name}” already exists.`);
    }
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

function newTag(ctx: ServiceContext, name: string, color: string, description = ''): Tag {
  return {
    id: ctx.newId(),
    name: name.trim().normalize('NFC'),
    color: color.toLowerCase(),
    description,
    createdAt: isoNow(ctx),
  };
}

/**
 * Turns tag names typed by the analyst into tag ids, creating tags for new names. The new tags
 * come back as changes, to be committed together with the annotation that uses them.
 */
export function resolveTagNames(
  ctx: ServiceContext,
  names: string[],
): { tagIds: string[]; changes: Change[] } {
  const { tags } = ctx.store.state;
  const byKey = new Map([...tags.values()].map((t) => [tagKey(t.name), t]));
  const use = paletteUse(tags.values());
  const tagIds: string[] = [];
  const changes: Change[] = [];
  for (const name of names) {
    const key = tagKey(name);
    let tag = byKey.get(key);
    if (!tag) {
      tag = newTag(ctx, name, takeColor(use));
      byKey.set(key, tag);
      changes.push({ kind: 'put', collection: 'tags', record: tag });
    }
    if (!tagIds.includes(tag.id)) tagIds.push(tag.id);
  }
  return { tagIds, changes };
}

const annotationsWith = (state: NotebookState, tagId: string) =>
  [...state.annotations.values()].filter((a) => a.tagIds.includes(tagId));

const put = (record: Annotation): Change => ({ kind: 'put', collection: 'annotations', record });

export function tagHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'listTags' | 'createTag' | 'updateTag' | 'mergeTags' | 'deleteTag'> {
  const { store } = ctx;
  const { state } = store;
  return {
    async listTags() {
      const counts = new Map<string, number>();
      // Annotations whose one tag this is: the ones deleteTag's 'delete' would remove.
      const only = new Map<string, number>();
      for (const a of state.annotations.values()) {
        for (const id of a.tagIds) counts.set(id, (counts.get(id) ?? 0) + 1);
        const sole = a.tagIds.length === 1 ? a.tagIds[0]! : undefined;
        if (sole) only.set(sole, (only.get(sole) ?? 0) + 1);
      }
      return [...state.tags.values()]
        .map((t): TagWithCount => ({
          ...t,
          count: counts.get(t.id) ?? 0,
          onlyTag: only.get(t.id) ?? 0,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    async createTag({ name, color, description }) {
      assertNameFree(state, name);
      const chosen = color ?? takeColor(paletteUse(state.tags.values()));
      const tag = newTag(ctx, name, chosen, description);
      await store.commit([{ kind: 'put', collection: 'tags', record: tag }]);
      return tag;
    },

    async updateTag({ id, name, color, description }) {
      const tag = findTag(state, id);
      if (name !== undefined) assertNameFree(state, name, id);
      const updated: Tag = {
        ...tag,
        ...(name !== undefined && { name: name.trim().normalize('NFC') }),
        ...(color !== undefined && { color: color.toLowerCase() }),
        ...(description !== undefined && { description }),
      };
      await store.commit([{ kind: 'put', collection: 'tags', record: updated }]);
      return updated;
    },

    async mergeTags({ sourceId, targetId }) {
      findTag(state, sourceId);
      const target = findTag(state, targetId);
      const stamp = isoNow(ctx);
      const changes: Change[] = annotationsWith(state, sourceId).map((a) =>
        put({
          ...a,
          tagIds: a.tagIds.includes(targetId)
            ? a.tagIds.filter((t) => t !== sourceId)
            : a.tagIds.map((t) => (t === sourceId ? targetId : t)),
          updatedAt: stamp,
        }),
      );
      changes.push({ kind: 'delete', collection: 'tags', id: sourceId });
      await store.commit(changes);
      return target;
    },

    async deleteTag({ id, annotations }) {
      findTag(state, id);
      const stamp = isoNow(ctx);
      const changes: Change[] = [];
      let deletedAnnotations = 0;
      for (const a of annotationsWith(state, id)) {
        if (annotations === 'delete' && a.tagIds.length === 1) {
          deletedAnnotations++;
          changes.push({ kind: 'delete', collection: 'annotations', id: a.id });
        } else {
          changes.push(put({ ...a, tagIds: a.tagIds.filter((t) => t !== id), updatedAt: stamp }));
        }
      }
      changes.push({ kind: 'delete', collection: 'tags', id });
      await store.commit(changes);
      return { deletedAnnotations };
    },
  };
}
