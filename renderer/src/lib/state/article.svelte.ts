// The article open in the reader: its text, details, memo and revisions. Only the latest open
// request lands, and the core's changed events keep it current (a memo saved, details edited, a
// new revision) without re-reading a long text that did not change: bodies are kept by hash
// (article-view.ts), and the same request brings the annotations when they changed too.
import type { RevisionOutcome } from '../../../../electron/shared/contract';
import type { Article, Span } from '../../../../electron/shared/model';
import { call, messageOf, onChanged } from '../api';
import { markEnd, markStart } from '../perf';
import { articleViews } from './article-view';
import { LatestRequest } from './latest';

/** How long a saved revision may take to arrive by the core's change notice before it is read. */
const NOTICE_GRACE_MS = 5000;

export class OpenArticle {
  article = $state.raw<Article | null>(null);
  /** The article asked for could not be opened (its text is missing or damaged, say), and why. */
  unreadable = $state.raw<{ id: string; message: string } | null>(null);
  /** The analyst's edit of the text while the text editor is open (null: not editing). */
  textDraft = $state<string | null>(null);
  editingText = $derived(this.textDraft !== null);
  /** The text edit holds something not saved yet. */
  textChanged = $derived(this.textDraft !== null && this.textDraft !== this.article?.text);
  /**
   * Words to show and select in the reader (a search hit); `n` grows with each request, so
   * asking for the same words again scrolls to them again.
   */
  revealRequest = $state.raw<{ span: Span; n: number } | null>(null);
  readonly #latest = new LatestRequest();
  /** An open() on its way: a retry of the unreadable article must not overtake it. */
  #opening = false;
  readonly #reloads = new LatestRequest();
  /** Saves waiting for their revision to reach the reader (see #revisionShown). */
  #shownWaiters: Array<() => void> = [];

  async open(id: string | null) {
    const current = this.#latest.next();
    this.textDraft = null;
    this.#opening = id !== null;
    if (!id) {
      this.article = null;
      this.unreadable = null;
      return;
    }
    markStart('nb:fetch');
    // The annotations' open() asks in the same tick: one request brings both.
    let article: Article;
    try {
      ({ article } = await articleViews.load(id));
    } catch (error) {
      // Shown in the reader's place (never the previous article's text under this one's name):
      // the core's sentence says what is wrong, e.g. that the text must be imported again.
      if (current()) {
        this.article = null;
        this.unreadable = { id, message: messageOf(error) };
      }
      return;
    } finally {
      markEnd('nb:fetch');
      if (current()) this.#opening = false;
    }
    if (current()) {
      this.article = article;
      this.unreadable = null;
    }
  }

  connect(): () => void {
    return onChanged((notice) => {
      const id = this.article?.id;
      if (id && notice.articles.includes(id)) void this.#reload(id);
      // Put again: importing the original file repairs a missing text, so try it once more.
      const failed = this.unreadable?.id;
      if (failed && !this.#opening && notice.articles.includes(failed)) void this.open(failed);
    });
  }

  /**
   * The record changed: take its details and memo, and its text only if it is a new one (the
   * core sends no body whose hash we hold, and a held body keeps its identity, so the reader
   * rebuilds nothing for a memo).
   */
  async #reload(id: string) {
    // An article opened meanwhile wins; a newer reload of this one does too.
    const noOpen = this.#latest.unchanged();
    const newest = this.#reloads.next();
    const current = () => noOpen() && newest();
    let article: Article;
    try {
      ({ article } = await articleViews.load(id));
    } catch {
      // Deleted: the library moves on to another article.
      if (current()) this.article = null;
      this.#wakeShownWaiters();
      return;
    }
    if (current() && this.article?.id === id) this.article = article;
    this.#wakeShownWaiters();
  }

  #wakeShownWaiters() {
    const waiters = this.#shownWaiters;
    this.#shownWaiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * Resolves once the reader holds revision `revision` of article `id` (or another article, or
   * none): the core's change notice after every commit brings it (#reload). Without a notice in
   * NOTICE_GRACE_MS (a lost event stream, say) the article is read once more here.
   */
  async #revisionShown(id: string, revision: number): Promise<void> {
    const shown = () =>
      this.article?.id !== id || (this.article.revisions.at(-1)?.number ?? 0) >= revision;
    const deadline = performance.now() + NOTICE_GRACE_MS;
    // Each reload wakes the waiters; only the one that brings the revision ends the wait.
    while (!shown() && performance.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - performance.now());
        this.#shownWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (!shown()) await this.#reload(id);
  }

  /** Saves an article's memo (by id: the editor may outlive the article being open). */
  async setMemo(articleId: string, memo: string) {
    await call('setMemo', { articleId, memo });
  }

  /** Asks the reader to scroll to `span` of the open article and select it. */
  reveal(span: Span) {
    this.revealRequest = { span, n: (this.revealRequest?.n ?? 0) + 1 };
  }

  startTextEdit() {
    if (this.article) this.textDraft = this.article.text;
  }

  endTextEdit() {
    this.textDraft = null;
  }

  /**
   * Saves the edited text as a new revision; annotations are re-anchored by the core. The editor
   * stays until the new revision is in the reader: closing it at once would draw the old text
   * (a long article's every chunk and highlight) only to draw the new one a moment later.
   */
  async saveText(): Promise<RevisionOutcome | undefined> {
    if (!this.article || this.textDraft === null) return undefined;
    const { id } = this.article;
    const outcome = await call('editArticle', { id, text: this.textDraft });
    await this.#revisionShown(id, outcome.article.revision);
    this.textDraft = null;
    return outcome;
  }
}

export const openArticle = new OpenArticle();
