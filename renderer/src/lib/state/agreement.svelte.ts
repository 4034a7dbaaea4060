// The Agreement and Adjudication views' state: which coders are compared and over what unit, the
// core's figures, the disagreements behind a chosen cell, and the disagreements being adjudicated
// one by one. Read while a view shows, and again after every change the core announces (an undo
// of a decision comes back that way, like any other change).
import type {
  AdjudicateRequest,
  Agreement,
  AgreementUnit,
  Disagreement,
} from '../../../../electron/shared/agreement';
import type { ChangeNotice } from '../../../../electron/shared/contract';
import type { AdjudicationChoice, Analyst, Span } from '../../../../electron/shared/model';
import { ApiError, call, messageOf, onChanged } from '../api';
import { coalesced } from './latest';

/** A cell of the heat map (or a tag's row) whose disagreements are listed. */
export interface ChosenCell {
  tagId: string;
  articleId?: string;
}

/** What the adjudication view goes through: one article and tag, one tag, or everything. */
export interface AdjudicationScope {
  articleId?: string;
  tagId?: string;
}

const affectsCoding = (notice: ChangeNotice) =>
  notice.articles.length > 0 ||
  notice.annotations.length > 0 ||
  notice.tags.length > 0 ||
  notice.adjudications === true ||
  notice.analyst === true;

const isConsensus = (analyst: Analyst | undefined) => analyst?.role === 'consensus';

/**
 * Where to stand in a list read again: on `key` if it is still there; else on the first open one
 * at or after where it stood (wrapping round); else where it stood.
 */
export function placeIn(list: readonly Disagreement[], key: string | null, at: number): number {
  if (list.length === 0) return 0;
  const same = key === null ? -1 : list.findIndex((d) => d.key === key);
  if (same !== -1) return same;
  return nextOpen(list, Math.min(at, list.length) - 1) ?? Math.min(at, list.length - 1);
}

/** The first open disagreement after `from` (wrapping round), or null when none is open. */
export function nextOpen(list: readonly Disagreement[], from: number): number | null {
  for (let step = 1; step <= list.length; step++) {
    const i = (((from + step) % list.length) + list.length) % list.length;
    if (!list[i]!.decided) return i;
  }
  return null;
}

export class AgreementState {
  /** The two coders compared (Analyst ids); null: the first two the core finds. */
  coderA = $state<string | null>(null);
  coderB = $state<string | null>(null);
  /** The figures over every coder (alpha), not only A and B. */
  allCoders = $state(false);
  unit = $state<AgreementUnit>('character');

  answer = $state.raw<Agreement | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  cell = $state.raw<ChosenCell | null>(null);
  cellList = $state.raw<Disagreement[]>([]);
  cellLoading = $state(false);

  scope = $state.raw<AdjudicationScope>({});
  /** The scope's disagreements, the decided ones too (each with its decision). */
  list = $state.raw<Disagreement[]>([]);
  at = $state(0);
  listLoaded = $state(false);
  adjudicationError = $state<string | null>(null);
  /** A decision on its way to the core: the buttons wait. */
  deciding = $state(false);

  #agreementShown = 0;
  #adjudicationShown = 0;

  /** The pair compared: the chosen ids, else the first two coders of the answer. */
  get pair(): [string, string] | null {
    const coders = this.answer?.coders ?? [];
    const a = this.coderA ?? coders.find((id) => id !== this.coderB) ?? null;
    const b = this.coderB ?? coders.find((id) => id !== a) ?? null;
    return a && b && a !== b ? [a, b] : null;
  }

  get current(): Disagreement | null {
    return this.list[this.at] ?? null;
  }

  get openCount(): number {
    return this.list.filter((d) => !d.decided).length;
  }

  refresh = coalesced(async () => {
    if (this.#agreementShown === 0) return;
    this.loading = true;
    try {
      const coders = this.allCoders ? undefined : (this.pairAsked() ?? undefined);
      let answer = await call('getAgreement', { unit: this.unit, ...(coders && { coders }) });
      // Two coders compared, and none chosen yet: the first two the core found.
      if (!this.allCoders && !coders && answer.coders.length > 2) {
        const [a, b] = answer.coders as [string, string];
        this.coderA = a;
        this.coderB = b;
        answer = await call('getAgreement', { unit: this.unit, coders: [a, b] });
      }
      this.answer = answer;
      this.error = null;
      await this.#refreshCell();
    } catch (error) {
      // A coder chosen earlier may have gone (a merge undone): let the core choose again.
      if (error instanceof ApiError && error.code === 'not-found' && this.coderA) {
        this.coderA = null;
        this.coderB = null;
      }
      this.error = messageOf(error);
    } finally {
      this.loading = false;
    }
  });

  /** The pair the analyst chose, when both are chosen. */
  pairAsked(): [string, string] | null {
    return this.coderA && this.coderB && this.coderA !== this.coderB
      ? [this.coderA, this.coderB]
      : null;
  }

  /** Shows the Agreement view until the returned function hides it. */
  showAgreement(): () => void {
    this.#agreementShown++;
    void this.refresh();
    const stop = onChanged((notice) => {
      if (affectsCoding(notice)) void this.refresh();
    });
    return () => {
      this.#agreementShown--;
      stop();
    };
  }

  /** Shows the Adjudication view until the returned function hides it. */
  showAdjudication(): () => void {
    this.#adjudicationShown++;
    void this.refreshList();
    const stop = onChanged((notice) => {
      if (affectsCoding(notice)) void this.refreshList();
    });
    return () => {
      this.#adjudicationShown--;
      stop();
    };
  }

  /** Chooses coder A or B; choosing the other one's coder swaps them. */
  choose(which: 'a' | 'b', id: string) {
    const [a, b] = this.pair ?? [this.coderA, this.coderB];
    if (which === 'a') {
      this.coderA = id;
      this.coderB = id === b ? a : b;
    } else {
      this.coderB = id;
      this.coderA = id === a ? b : a;
    }
    this.cell = null;
    this.cellList = [];
    void this.refresh();
  }

  setAllCoders(all: boolean) {
    this.allCoders = all;
    void this.refresh();
  }

  setUnit(unit: AgreementUnit) {
    this.unit = unit;
    this.cell = null;
    this.cellList = [];
    void this.refresh();
  }

  /** Lists a cell's disagreements (the same cell again: closes the list). */
  async chooseCell(cell: ChosenCell | null) {
    const same =
      cell && this.cell && cell.tagId === this.cell.tagId && cell.articleId === this.cell.articleId;
    this.cell = same ? null : cell;
    this.cellList = [];
    await this.#refreshCell();
  }

  async #refreshCell() {
    const cell = this.cell;
    const pair = this.pair;
    if (!cell || !pair) {
      this.cellList = [];
      return;
    }
    this.cellLoading = true;
    try {
      const list = await call('getDisagreements', {
        coders: pair,
        unit: this.unit,
        tagId: cell.tagId,
        ...(cell.articleId && { articleId: cell.articleId }),
      });
      if (this.cell === cell) this.cellList = list;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not-found') this.cell = null;
      else this.error = messageOf(error);
      this.cellList = [];
    } finally {
      this.cellLoading = false;
    }
  }

  /** Where the adjudication view starts: this scope, on this disagreement if given. */
  startAdjudication(scope: AdjudicationScope, key: string | null = null) {
    this.scope = scope;
    this.#wanted = key;
    this.list = [];
    this.at = 0;
    this.listLoaded = false;
    this.adjudicationError = null;
    if (this.#adjudicationShown > 0) void this.refreshList();
  }

  /** The key to stand on when the list comes (a cell's disagreement chosen, a decision made). */
  #wanted: string | null = null;
  /** After a decision: go on to the next open one, not stay on the decided one. */
  #advanceFrom: string | null = null;

  refreshList = coalesced(async () => {
    if (this.#adjudicationShown === 0) return;
    const pair = this.pair ?? (await this.#pairFromCore());
    if (!pair) {
      this.list = [];
      this.listLoaded = true;
      this.adjudicationError = null;
      return;
    }
    try {
      const before = this.list;
      const list = await call('getDisagreements', {
        coders: pair,
        unit: this.unit,
        includeDecided: true,
        ...(this.scope.articleId && { articleId: this.scope.articleId }),
        ...(this.scope.tagId && { tagId: this.scope.tagId }),
      });
      this.#land(before, list);
      this.listLoaded = true;
      this.adjudicationError = null;
    } catch (error) {
      // The article or tag of the scope is gone: go through everything instead.
      if (
        error instanceof ApiError &&
        error.code === 'not-found' &&
        (this.scope.articleId || this.scope.tagId)
      ) {
        this.scope = {};
        void this.refreshList();
        return;
      }
      this.adjudicationError = messageOf(error);
    }
  });

  /** Takes a list read again, and stands where the analyst expects. */
  #land(before: readonly Disagreement[], list: Disagreement[]) {
    const standing = this.current?.key ?? null;
    const wanted = this.#wanted;
    const advanceFrom = this.#advanceFrom;
    this.#wanted = null;
    this.list = list;
    if (wanted !== null) {
      this.at = placeIn(list, wanted, 0);
      return;
    }
    if (advanceFrom !== null) {
      this.#advanceFrom = null;
      const decidedAt = list.findIndex((d) => d.key === advanceFrom);
      this.at =
        nextOpen(list, decidedAt === -1 ? this.at - 1 : decidedAt) ?? Math.max(0, decidedAt);
      return;
    }
    // A decision taken back (undo): stand on the disagreement it opened again.
    // A local lookup, not state: nothing reacts to it.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const wasDecided = new Set(before.filter((d) => d.decided).map((d) => d.key));
    const reopened = list.findIndex((d) => !d.decided && wasDecided.has(d.key));
    if (reopened !== -1) {
      this.at = reopened;
      return;
    }
    this.at = placeIn(list, standing, this.at);
  }

  async #pairFromCore(): Promise<[string, string] | null> {
    try {
      const answer = await call('getAgreement', { unit: this.unit });
      this.answer ??= answer;
      const [a, b] = answer.coders;
      return a && b ? [a, b] : null;
    } catch (error) {
      this.adjudicationError = messageOf(error);
      return null;
    }
  }

  move(step: 1 | -1) {
    if (this.list.length === 0) return;
    this.at = (this.at + step + this.list.length) % this.list.length;
  }

  /**
   * Copies what the two coders coded alike into the consensus layer (it needs no adjudication);
   * answers how many passages were made.
   */
  async copyAgreed(): Promise<number> {
    const pair = this.pair;
    if (!pair) return 0;
    const { annotationIds } = await call('copyAgreedPassages', { coders: pair });
    return annotationIds.length;
  }

  /** Decides the disagreement shown; true when the core took it. */
  async decide(choice: AdjudicationChoice, span?: Span): Promise<boolean> {
    const disagreement = this.current;
    const pair = this.pair;
    if (!disagreement || disagreement.decided || !pair || this.deciding) return false;
    const request: AdjudicateRequest = {
      key: disagreement.key,
      coders: pair,
      choice,
      unit: this.unit,
      ...(span && { span }),
    };
    this.deciding = true;
    try {
      this.#advanceFrom = disagreement.key;
      await call('adjudicate', request);
      this.adjudicationError = null;
      await this.refreshList();
      return true;
    } catch (error) {
      this.#advanceFrom = null;
      this.adjudicationError = messageOf(error);
      // Stale (the coding changed since): read the list again, so what shows is what is open.
      if (error instanceof ApiError && error.code === 'conflict') await this.refreshList();
      return false;
    } finally {
      this.deciding = false;
    }
  }
}

/** Coders who can be compared: the people, then the consensus layer (a coder to check against). */
export const comparable = (analysts: readonly Analyst[]) => [
  ...analysts.filter((a) => !isConsensus(a)),
  ...analysts.filter(isConsensus),
];

/** How many people (not the consensus layer) have coded or may code. */
export const peopleIn = (analysts: readonly Analyst[]) =>
  analysts.filter((a) => !isConsensus(a)).length;

export const agreement = new AgreementState();
