// The library: every article in the notebook and which one is open, kept current by the core's
// changed events (imports, deletes, details, annotation counts).
import type { ArticleDetails, ArticleSummary } from '../../../../electron/shared/model';
import { call, onChanged } from '../api';
import { coalesced } from './latest';

export class Library {
  articles = $state.raw<ArticleSummary[]>([]);
  openId = $state<string | null>(null);

  refresh = coalesced(async () => {
    this.articles = await call('listArticles', {});
    if (this.openId && !this.articles.some((a) => a.id === this.openId)) this.openId = null;
  });

  connect(): () => void {
    return onChanged((notice) => {
      if (notice.articles.length || notice.annotationArticles.length) void this.refresh();
    });
  }

  /** Opens the first article when none is chosen (first start, or the open one was deleted). */
  openAny() {
    if (!this.openId && this.articles.length) this.openId = this.articles[0]!.id;
  }

  async importText(input: { text: string; title?: string; source?: string }) {
    const summary = await call('importText', input);
    await this.refresh();
    this.openId = summary.id;
    return summary;
  }

  /** Made the article list include `summary`, then opens it (after a file import). */
  async show(summary: ArticleSummary) {
    await this.refresh();
    this.openId = summary.id;
  }

  async remove(id: string) {
    const result = await call('deleteArticle', { id });
    await this.refresh();
    this.openId = null;
    this.openAny();
    return result;
  }

  async updateDetails(id: string, details: ArticleDetails) {
    const summary = await call('updateArticleDetails', { id, ...details });
    await this.refresh();
    return summary;
  }
}

export const library = new Library();
