// The codebook: tags with colours, descriptions and counts, kept current by the core's changed
// events (a new tag typed in the editor, counts after a delete, a merge).
import type { CallInput, ChangeNotice } from '../../../../electron/shared/contract';
import type { TagWithCount } from '../../../../electron/shared/model';
import { call, onChanged } from '../api';
import { coalesced } from './latest';

/** How many recently used tags the picker offers first. */
const RECENT_TAGS = 8;

export class Codebook {
  /** Parents before children, siblings by name (the core's order). */
  tags = $state.raw<TagWithCount[]>([]);
  // Rebuilt whole from `tags` whenever they change, never mutated: plain Maps are right here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  byId = $derived(new Map(this.tags.map((t) => [t.id, t])));
  /** Each tag's children, in the codebook's order; '' is the top of the tree. */
  childrenOf = $derived.by(() => {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const children = new Map<string, TagWithCount[]>();
    for (const tag of this.tags) {
      const parent = tag.parentId !== undefined && this.byId.has(tag.parentId) ? tag.parentId : '';
      children.set(parent, [...(children.get(parent) ?? []), tag]);
    }
    return children;
  });
  /** Tag ids, most recently used first: the picker offers these before the rest. */
  recent = $state.raw<string[]>([]);

  refresh = coalesced(async () => {
    this.tags = await call('listTags', {});
  });

  /** The tag and every tag below it: what filtering by it includes. */
  subtreeOf(id: string): Set<string> {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const ids = new Set([id]);
    const queue = [id];
    while (queue.length > 0) {
      for (const child of this.childrenOf.get(queue.shift()!) ?? []) {
        if (ids.has(child.id)) continue;
        ids.add(child.id);
        queue.push(child.id);
      }
    }
    return ids;
  }

  /** Notes tags just used on an annotation, so the picker offers them first next time. */
  used(tagIds: readonly string[]) {
    this.recent = [...tagIds, ...this.recent.filter((id) => !tagIds.includes(id))].slice(
      0,
      RECENT_TAGS,
    );
  }

  /** Follows the core's changes; returns the unsubscribe. */
  connect(): () => void {
    return onChanged((notice) => {
      if (affectsCodebook(notice)) void this.refresh();
    });
  }

  /** Adds a tag at the top of the codebook, or under `parentId`. */
  async create(name: string, parentId?: string) {
    await call('createTag', { name, ...(parentId !== undefined && { parentId }) });
    await this.refresh();
  }

  async update(id: string, changes: Omit<CallInput<'updateTag'>, 'id'>) {
    await call('updateTag', { id, ...changes });
    await this.refresh();
  }

  async merge(sourceId: string, targetId: string) {
    await call('mergeTags', { sourceId, targetId });
    await this.refresh();
  }

  async remove(id: string, annotations: 'keep' | 'delete') {
    const result = await call('deleteTag', { id, annotations });
    await this.refresh();
    return result;
  }
}

/** Tags changed, or annotations did (their counts). */
const affectsCodebook = (notice: ChangeNotice) =>
  notice.tags.length > 0 || notice.annotations.length > 0;

export const codebook = new Codebook();
