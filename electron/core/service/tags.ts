// The codebook: tags with name, colour and description, unique by name ignoring case.
import { TAG_PALETTE, type Tag, type TagWithCount } from '../../shared/model';
import type { Handlers } from '../../shared/contract';
import { conflict, notFound } from '../errors';
import type { NotebookData } from '../store';
import { isoNow, type ServiceContext } from './context';

/** Names compare trimmed, NFC-normalised and case-folded, so "Economy" and "economy " are one tag. */
export const tagKey = (name: string) => name.trim().normalize('NFC').toLocaleLowerCase();

export function findTag(data: NotebookData, id: string): Tag {
  const tag = data.tags.find((t) => t.id === id);
  if (!tag) throw notFound('That tag');
  return tag;
}

function assertNameFree(data: NotebookData, name: string, exceptId?: string) {
  const key = tagKey(name);
  const clash = data.tags.find((t) => t.id !== exceptId && tagKey(t.name) === key);
  if (clash) throw conflict(`A tag named “${clash.name}” already exists.`);
}

function newTag(
  ctx: ServiceContext,
  data: NotebookData,
  name: string,
  color?: string,
  description = '',
): Tag {
  return {
    id: ctx.newId(),
    name: name.trim().normalize('NFC'),
    color: color ?? TAG_PALETTE[data.tags.length % TAG_PALETTE.length]!,
    description,
    createdAt: isoNow(ctx),
  };
}

/**
 * Turns tag names typed by the analyst into tag ids, creating tags for new names. Must run inside
 * a store update, so the created tags land in the same durable write as the annotation.
 */
export function resolveTagNames(
  ctx: ServiceContext,
  data: NotebookData,
  names: string[],
): string[] {
  const ids: string[] = [];
  for (const name of names) {
    const key = tagKey(name);
    let tag = data.tags.find((t) => tagKey(t.name) === key);
    if (!tag) {
      tag = newTag(ctx, data, name);
      data.tags.push(tag);
    }
    if (!ids.includes(tag.id)) ids.push(tag.id);
  }
  return ids;
}

export function tagHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'listTags' | 'createTag' | 'updateTag' | 'mergeTags' | 'deleteTag'> {
  const { store } = ctx;
  return {
    async listTags() {
      const counts = new Map<string, number>();
      for (const a of store.data.annotations) {
        for (const id of a.tagIds) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return store.data.tags
        .map((t): TagWithCount => ({ ...t, count: counts.get(t.id) ?? 0 }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    async createTag({ name, color, description }) {
      assertNameFree(store.data, name);
      const tag = newTag(ctx, store.data, name, color, description);
      await store.update((data) => void data.tags.push(tag));
      return tag;
    },

    async updateTag({ id, name, color, description }) {
      findTag(store.data, id);
      if (name !== undefined) assertNameFree(store.data, name, id);
      let updated!: Tag;
      await store.update((data) => {
        const tag = findTag(data, id);
        if (name !== undefined) tag.name = name.trim().normalize('NFC');
        if (color !== undefined) tag.color = color.toLowerCase();
        if (description !== undefined) tag.description = description;
        updated = { ...tag };
      });
      return updated;
    },

    async mergeTags({ sourceId, targetId }) {
      findTag(store.data, sourceId);
      findTag(store.data, targetId);
      let target!: Tag;
      await store.update((data) => {
        const stamp = isoNow(ctx);
        for (const a of data.annotations) {
          if (!a.tagIds.includes(sourceId)) continue;
          a.tagIds = a.tagIds.includes(targetId)
            ? a.tagIds.filter((t) => t !== sourceId)
            : a.tagIds.map((t) => (t === sourceId ? targetId : t));
          a.updatedAt = stamp;
        }
        data.tags = data.tags.filter((t) => t.id !== sourceId);
        target = { ...findTag(data, targetId) };
      });
      return target;
    },

    async deleteTag({ id, annotations }) {
      findTag(store.data, id);
      let deletedAnnotations = 0;
      await store.update((data) => {
        const stamp = isoNow(ctx);
        const kept = [];
        for (const a of data.annotations) {
          if (!a.tagIds.includes(id)) {
            kept.push(a);
          } else if (annotations === 'delete' && a.tagIds.length === 1) {
            deletedAnnotations++;
          } else {
            a.tagIds = a.tagIds.filter((t) => t !== id);
            a.updatedAt = stamp;
            kept.push(a);
          }
        }
        data.annotations = kept;
        data.tags = data.tags.filter((t) => t.id !== id);
      });
      return { deletedAnnotations };
    },
  };
}
