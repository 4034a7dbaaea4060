// The codebook: tags with colours, descriptions and counts, kept current by the core's changed
// events (a new tag typed in the editor, counts after a delete, a merge).
import type { ChangeNotice } from '../../../../electron/shared/contract';
import type { TagWithCount } from '../../../../electron/shared/model';
import { call, onChanged } from '../api';
import { coalesced } from './latest';

export class Codebook {
  tags = $state.raw<TagWithCount[]>([]);
  // Rebuilt whole from `tags` whenever they change, never mutated: a plain Map is right here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  byId = $derived(new Map(this.tags.map((t) => [t.id, t])));

  refresh = coalesced(async () => {
    this.tags = await call('listTags', {});
  });

  /** Follows the core's changes; returns the unsubscribe. */
  connect(): () => void {
    return onChanged((notice) => {
      if (affectsCodebook(notice)) void this.refresh();
    });
  }

  async create(name: string) {
    await call('createTag', { name });
    await this.refresh();
  }

  async update(id: string, changes: { name?: string; color?: string; description?: string }) {
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
