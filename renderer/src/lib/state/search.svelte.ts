// Search across the notebook, as the search tab shows it: what is typed, the filters, and the
// latest answer. Asked of the core at each keystroke (its index answers in tens of milliseconds;
// keystrokes while one search runs make one more search after it, not one each), asked again
// when the core announces a change while the tab is open, and only the newest answer lands.
import type { NotebookFilter } from '../../../../electron/shared/analysis';
import type { SearchResults } from '../../../../electron/shared/search';
import { call, messageOf, onChanged } from '../api';
import { markPainted, markStart } from '../perf';
import { coalesced, LatestRequest } from './latest';

export class Search {
  query = $state('');
  filter = $state<NotebookFilter>({});
  results = $state.raw<SearchResults | null>(null);
  /** Why the last search was refused (a filter naming a deleted tag, say). */
  error = $state<string | null>(null);
  searching = $state(false);
  /** The tab is showing: only then does a change in the notebook search again. */
  visible = $state(false);
  readonly #latest = new LatestRequest();

  /** Whether anything asks for results: words typed, or a filter that lists passages alone. */
  get active(): boolean {
    const f = this.filter;
    return (
      this.query.trim() !== '' ||
      Boolean(f.tagId || f.analystId || f.from || f.to || f.review || f.articleIds?.length)
    );
  }

  /** What was typed changed: search for it (measured from here to the results painted). */
  typed() {
    markStart('nb:search');
    void this.run();
  }

  setFilter(patch: Partial<NotebookFilter>) {
    const next: NotebookFilter = { ...this.filter, ...patch };
    for (const key of Object.keys(next) as Array<keyof NotebookFilter>) {
      const value = next[key];
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
        delete next[key];
      }
    }
    this.filter = next;
    void this.run();
  }

  clearFilter() {
    this.filter = {};
    void this.run();
  }

  run = coalesced(async () => {
    const current = this.#latest.next();
    if (!this.active) {
      this.results = null;
      this.error = null;
      return;
    }
    this.searching = true;
    try {
      const results = await call('search', { query: this.query, ...$state.snapshot(this.filter) });
      if (current()) {
        this.results = results;
        this.error = null;
        markPainted('nb:search');
      }
    } catch (error) {
      if (current()) {
        this.results = null;
        this.error = messageOf(error);
      }
    } finally {
      if (current()) this.searching = false;
    }
  });

  /** Follows the core's changes while the tab shows; returns the unsubscribe. */
  connect(): () => void {
    return onChanged(() => {
      if (this.visible && this.active) void this.run();
    });
  }
}

export const search = new Search();
