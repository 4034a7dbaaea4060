// The article open in the reader: its text, details, memo and revisions. Only the latest open
// request lands, and the core's changed events keep it current (a memo saved, details edited, a
// new revision) without re-reading a long text that did not change.
import type { RevisionOutcome } from '../../../../electron/shared/contract';
import type { Article, ArticleRecord } from '../../../../electron/shared/model';
import { call, onChanged } from '../api';
import { markEnd, markStart } from '../perf';
import { LatestRequest } from './latest';

const bodyOf = (record: ArticleRecord) => record.revisions.at(-1)?.bodyHash;

export class OpenArticle {
  article = $state.raw<Article | null>(null);
  /** The analyst's edit of the text while the text editor is open (null: not editing). */
  textDraft = $state<string | null>(null);
  editingText = $derived(this.textDraft !== null);
  /** The text edit holds something not saved yet. */
  textChanged = $derived(this.textDraft !== null && this.textDraft !== this.article?.text);
  readonly #latest = new LatestRequest();
  readonly #reloads = new LatestRequest();

  async open(id: string | null) {
    const current = this.#latest.next();
    this.textDraft = null;
    if (!id) {
      this.article = null;
      return;
    }
    markStart('nb:fetch');
    const article = await call('getArticle', { id });
    markEnd('nb:fetch');
    if (current()) this.article = article;
  }

  connect(): () => void {
    return onChanged((notice) => {
      const id = this.article?.id;
      if (id && notice.articles.includes(id)) void this.#reload(id);
    });
  }

  /** The record changed: take its details and memo; read the text only if it is a new one. */
  async #reload(id: string) {
    // An article opened meanwhile wins; a newer reload of this one does too.
    const noOpen = this.#latest.unchanged();
    const newest = this.#reloads.next();
    const current = () => noOpen() && newest();
    let record: ArticleRecord;
    try {
      record = await call('getArticleRecord', { id });
    } catch {
      // Deleted: the library moves on to another article.
      if (current()) this.article = null;
      return;
    }
    const loaded = this.article;
    if (!current() || loaded?.id !== id) return;
    if (bodyOf(record) === bodyOf(loaded)) {
      this.article = { ...loaded, ...record, revision: record.revisions.at(-1)!.number };
      return;
    }
    const article = await call('getArticle', { id });
    if (current()) this.article = article;
  }

  /** Saves an article's memo (by id: the editor may outlive the article being open). */
  async setMemo(articleId: string, memo: string) {
    await call('setMemo', { articleId, memo });
  }

  startTextEdit() {
    if (this.article) this.textDraft = this.article.text;
  }

  endTextEdit() {
    this.textDraft = null;
  }

  /** Saves the edited text as a new revision; annotations are re-anchored by the core. */
  async saveText(): Promise<RevisionOutcome | undefined> {
    if (!this.article || this.textDraft === null) return undefined;
    const outcome = await call('editArticle', { id: this.article.id, text: this.textDraft });
    this.textDraft = null;
    return outcome;
  }
}

export const openArticle = new OpenArticle();
