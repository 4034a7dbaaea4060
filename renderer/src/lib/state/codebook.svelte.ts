// The codebook: tags with colours, descriptions and counts.
import type { TagWithCount } from '../../../../electron/shared/model';
import { call } from '../api';

class Codebook {
  tags = $state.raw<TagWithCount[]>([]);
  byId = $derived(new Map(this.tags.map((t) => [t.id, t])));

  async refresh() {
    this.tags = await call('listTags', {});
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

export const codebook = new Codebook();
