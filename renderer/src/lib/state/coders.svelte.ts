// Whose coding the reader and the annotations panel show: every coder's, one coder's, or two
// coders' side by side. The choice stays while the analyst moves between articles. Each coder has
// a line style of their own (and their initials in the panel), so their passages differ by more
// than colour. Blind coding (a setting the core applies) leaves one coder to show: the choice
// then rests.
import type { Annotation } from '../../../../electron/shared/model';
import {
  codersOf,
  showsCoder,
  UNKNOWN_CODER,
  type Coder,
  type CoderMode,
  type CoderView,
} from '../reader/coder-layers';
import { analysts } from './analyst.svelte';
import { settings } from './settings.svelte';

// What the picker, the panel and their tests use of the plain layer data, from one place.
export {
  codersOf,
  meetingOther,
  showsCoder,
  UNKNOWN_CODER,
  type Coder,
  type CoderMode,
} from '../reader/coder-layers';

export class Coders {
  mode = $state<CoderMode>('all');
  one = $state('');
  pair = $state<[string, string]>(['', '']);

  /** Everyone who can be chosen. Rebuilt whole from the analysts, never mutated. */
  list = $derived(codersOf(analysts.all));
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  byKey = $derived(new Map(this.list.map((c) => [c.key, c])));
  /** Blind coding: the core sends only the analyst's own annotations; no layers to choose. */
  blind = $derived(settings.current?.blindCoding === true);
  /** What is drawn now (blind coding shows all there is). */
  view = $derived<CoderView>({
    mode: this.blind ? 'all' : this.mode,
    one: this.one,
    pair: this.pair,
  });

  /** Whose an annotation is: its analyst, or the unknown coder when it names none we know. */
  keyOf = (annotation: Annotation): string => {
    const by = annotation.createdBy;
    return by !== undefined && this.byKey.has(by) ? by : UNKNOWN_CODER;
  };

  coderOf(annotation: Annotation): Coder {
    return this.byKey.get(this.keyOf(annotation))!;
  }

  /** Whether the reader and panel show this annotation now. */
  shows = (annotation: Annotation): boolean => showsCoder(this.view, this.keyOf(annotation));

  /** The annotations shown now, in their order; the same array when every coder is shown. */
  filter(list: Annotation[]): Annotation[] {
    return this.view.mode === 'all' ? list : list.filter(this.shows);
  }

  /**
   * Shows one coder (`key`), or when none is given the one chosen before, else who is coding now.
   */
  showOne(key?: string) {
    this.one = key ?? (this.one || analysts.current?.id || this.list[0]!.key);
    this.mode = 'one';
  }

  /**
   * Compares two coders; without both given, those chosen before, else the first two of `present`
   * (the coders of the open article), else of the notebook's.
   */
  compare(first?: string, second?: string, present: readonly string[] = []) {
    const candidates = [...present, ...this.list.map((c) => c.key)].filter(
      (key, i, all) => all.indexOf(key) === i,
    );
    const a = first ?? (this.pair[0] || candidates[0]!);
    const b =
      second ??
      (this.pair[1] && this.pair[1] !== a ? this.pair[1] : candidates.find((k) => k !== a)!);
    this.pair = [a, b];
    this.mode = 'compare';
  }

  showAll() {
    this.mode = 'all';
  }

  /** Changes one of the pair; choosing the other's coder swaps them. */
  setPair(index: 0 | 1, key: string) {
    const next: [string, string] = [...this.pair];
    if (next[1 - index] === key) next[1 - index] = next[index];
    next[index] = key;
    this.pair = next;
  }

  /** Whether `list` holds the work of more than one coder (stops at the second it meets). */
  several(list: readonly Annotation[]): boolean {
    const first = list[0] && this.keyOf(list[0]);
    return list.some((a) => this.keyOf(a) !== first);
  }

  /** The coders who made some of `list`, in the notebook's order. */
  presentIn(list: readonly Annotation[]): Coder[] {
    // A local lookup, not state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const keys = new Set(list.map(this.keyOf));
    return this.list.filter((c) => keys.has(c.key));
  }
}

export const coders = new Coders();
