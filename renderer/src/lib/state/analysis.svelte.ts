// The Analysis view's state: what the analyst asks (which articles, the co-occurrence unit, an
// attribute for the matrix), the core's answer, the coverage of one article, and the passages
// behind a chosen co-occurrence cell. Read from the core while the view shows, and again after
// every change the core announces (only while it shows: a hidden view reads nothing).
import type {
  Analysis,
  AnalysisQuery,
  Coverage,
  CooccurrenceUnit,
} from '../../../../electron/shared/analysis';
import type { ChangeNotice } from '../../../../electron/shared/contract';
import type { Annotation } from '../../../../electron/shared/model';
import { ApiError, call, messageOf, onChanged } from '../api';
import type { Measure, Rollup } from '../charts/frequencies';
import { coalesced } from './latest';

export const ANALYSIS_SECTIONS = ['frequencies', 'cooccurrence', 'coverage', 'matrices'] as const;
export type AnalysisSection = (typeof ANALYSIS_SECTIONS)[number];

/** At most this many passages are listed under a cell (the count says how many there are). */
export const LISTED_PASSAGES = 200;

/** A co-occurrence cell chosen to list its passages: the two tags, the smaller id first. */
export type ChosenPair = [string, string];

const affectsAnalysis = (notice: ChangeNotice) =>
  notice.articles.length > 0 || notice.annotations.length > 0 || notice.tags.length > 0;

export class AnalysisState {
  section = $state<AnalysisSection>('frequencies');
  /** One article, or null for the whole notebook. */
  scopeArticleId = $state<string | null>(null);
  unit = $state<CooccurrenceUnit>('overlap');
  /** The attribute key of the tag-by-attribute matrix ('' until one is chosen). */
  attribute = $state('');
  /** How the charts count, chosen in the window (the answer carries every measure). */
  measure = $state<Measure>('passages');
  rollup = $state<Rollup>('own');
  matrixMeasure = $state<Measure>('passages');

  answer = $state.raw<Analysis | null>(null);
  loading = $state(false);
  /** Why the last read failed, if it did. */
  error = $state<string | null>(null);

  /** The article the coverage strip is drawn along (null: the one open in the reader). */
  coverageArticleId = $state<string | null>(null);
  coverage = $state.raw<Coverage | null>(null);
  coverageError = $state<string | null>(null);

  pair = $state.raw<ChosenPair | null>(null);
  passages = $state.raw<Annotation[]>([]);
  passagesLoading = $state(false);

  #visible = false;
  #listening = false;
  /**
   * The answer (and the coverage) hold for the notebook as it is: nothing changed since they were
   * read. Then the view opens on them as they are, drawn once, and reads nothing; otherwise it
   * drops them and draws once the new ones come (drawing the old first cost a second paint).
   */
  upToDate = $state(false);
  coverageUpToDate = $state(false);

  /** What the core is asked, made from the choices. */
  get query(): AnalysisQuery {
    return {
      unit: this.unit,
      ...(this.scopeArticleId && { articleIds: [this.scopeArticleId] }),
      ...(this.attribute && { attribute: this.attribute }),
    };
  }

  refresh = coalesced(async () => {
    if (!this.#visible) return;
    this.loading = true;
    try {
      const answer = await this.#ask();
      this.answer = answer;
      this.error = null;
      this.upToDate = true;
      // An attribute the notebook no longer has is let go, not asked for forever.
      if (this.attribute && !answer.attributes.some((a) => a.key === this.attribute)) {
        this.attribute = '';
      }
      await this.#refreshPassages();
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  });

  /** The analysis asked for; the whole notebook's when the one article chosen was deleted. */
  async #ask(): Promise<Analysis> {
    try {
      return await call('getAnalysis', this.query);
    } catch (error) {
      if (!this.scopeArticleId || !(error instanceof ApiError) || error.code !== 'not-found') {
        throw error;
      }
      this.scopeArticleId = null;
      return call('getAnalysis', this.query);
    }
  }

  refreshCoverage = coalesced(async () => {
    const articleId = this.coverageArticleId;
    if (!this.#visible || !articleId) {
      this.coverage = null;
      return;
    }
    try {
      const coverage = await call('getCoverage', { articleId });
      // Chosen again meanwhile: the newer choice's read follows (coalesced) and lands instead.
      if (articleId !== this.coverageArticleId) return;
      this.coverage = coverage;
      this.coverageError = null;
      this.coverageUpToDate = true;
    } catch (error) {
      this.coverage = null;
      // Deleted: the strip waits for another article to be chosen.
      if (error instanceof ApiError && error.code === 'not-found') {
        if (articleId === this.coverageArticleId) this.coverageArticleId = null;
        this.coverageError = null;
      } else this.coverageError = messageOf(error);
    }
  });

  /**
   * Shows the view: reads the analysis now and after every change the core announces, until the
   * returned function hides it again.
   */
  show(): () => void {
    this.#visible = true;
    this.#listen();
    if (!this.upToDate || this.error !== null) {
      this.answer = null;
      void this.refresh();
    }
    if (!this.coverageUpToDate || this.coverageError !== null) {
      this.coverage = null;
      void this.refreshCoverage();
    }
    return () => {
      this.#visible = false;
    };
  }

  /**
   * From the first showing on: a change the core announces is read again at once while the view
   * shows, and marks what it holds out of date while it is hidden (read when it shows again).
   */
  #listen() {
    if (this.#listening) return;
    this.#listening = true;
    onChanged((notice) => {
      if (!affectsAnalysis(notice)) return;
      this.upToDate = this.coverageUpToDate = false;
      if (!this.#visible) return;
      void this.refresh();
      void this.refreshCoverage();
    });
  }

  setScope(articleId: string | null) {
    this.scopeArticleId = articleId;
    void this.refresh();
  }

  setUnit(unit: CooccurrenceUnit) {
    this.unit = unit;
    this.pair = null;
    this.passages = [];
    void this.refresh();
  }

  setAttribute(key: string) {
    this.attribute = key;
    void this.refresh();
  }

  showCoverageOf(articleId: string | null) {
    if (articleId === this.coverageArticleId && this.coverage?.articleId === articleId) return;
    this.coverageArticleId = articleId;
    this.coverageUpToDate = false;
    void this.refreshCoverage();
  }

  /** Lists the passages behind a co-occurrence cell (again: closes the list). */
  async choosePair(pair: ChosenPair | null) {
    const same = pair && this.pair && pair[0] === this.pair[0] && pair[1] === this.pair[1];
    this.pair = same ? null : pair;
    this.passages = [];
    await this.#refreshPassages();
  }

  /** The chosen pair's passages, read again (its ids change as the coding does). */
  async #refreshPassages() {
    const pair = this.pair;
    const found = pair && this.answer?.cooccurrence.pairs.find((p) => sameTags(p.tags, pair));
    if (!pair || !found) {
      if (pair && this.answer) this.pair = null;
      this.passages = [];
      return;
    }
    this.passagesLoading = true;
    try {
      const passages = await call('getAnnotations', {
        ids: found.annotationIds.slice(0, LISTED_PASSAGES),
      });
      if (this.pair === pair) this.passages = passages;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.passagesLoading = false;
    }
  }

  /** How many passages the chosen pair stands for (more than are listed, perhaps). */
  get pairTotal(): number {
    const pair = this.pair;
    if (!pair) return 0;
    return (
      this.answer?.cooccurrence.pairs.find((p) => sameTags(p.tags, pair))?.annotationIds.length ?? 0
    );
  }
}

const sameTags = (a: readonly [string, string], b: readonly [string, string]) =>
  a[0] === b[0] && a[1] === b[1];

export const analysis = new AnalysisState();
