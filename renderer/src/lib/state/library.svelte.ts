// The library: every article in the notebook, which one is open, and imports.
import type { ArticleSummary } from '../../../../electron/shared/model';
import { LIMITS } from '../../../../electron/shared/model';
import { ApiError, call } from '../api';

class Library {
  articles = $state.raw<ArticleSummary[]>([]);
  openId = $state<string | null>(null);

  async refresh() {
    this.articles = await call('listArticles', {});
    if (this.openId && !this.articles.some((a) => a.id === this.openId)) this.openId = null;
  }

  /** Reads a file the analyst picked; the main process gets its bytes and bare name, never a path. */
  async importFile(file: File): Promise<ArticleSummary> {
    if (file.size > LIMITS.importBytes) {
      throw new ApiError(
        'bad-file',
        `The file “${file.name}” is larger than 50 MB and can't be imported.`,
      );
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const summary = await call('importFile', { fileName: file.name, bytes });
    await this.refresh();
    this.openId = summary.id;
    return summary;
  }

  async importText(input: { text: string; title?: string; source?: string }) {
    const summary = await call('importText', input);
    await this.refresh();
    this.openId = summary.id;
    return summary;
  }

  async remove(id: string) {
    const result = await call('deleteArticle', { id });
    await this.refresh();
    return result;
  }
}

export const library = new Library();
