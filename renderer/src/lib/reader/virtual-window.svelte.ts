// Which chunks of the article are in the DOM: those near the viewport, plus any holding an end of
// the selection. The others stand behind spacers of measured (once rendered) or estimated height,
// so the scrollbar is stable. When heights change above the viewport's top edge, the view is
// scrolled by as much, so the text the analyst is reading doesn't move.
import type { Block } from '../../../../electron/shared/model';
import { ChunkLayout } from './chunk-layout';
import { DEFAULT_METRICS, estimateHeight, type Chunk, type TextMetrics } from './chunks';

export interface ChunkItem {
  kind: 'chunk';
  key: string;
  chunk: Chunk;
}
/** Stands in for chunks [from, to); `start` is the text offset of the first. */
export interface GapItem {
  kind: 'gap';
  key: string;
  height: number;
  start: number;
}
export type WindowItem = ChunkItem | GapItem;

/** Render this far beyond each edge of the viewport (at least), so scrolling finds text ready. */
const MIN_MARGIN = 600;

export class VirtualWindow {
  /** Rendered chunks, ascending. */
  mounted = $state.raw<readonly number[]>([]);
  #version = $state(0);
  #chunks: readonly Chunk[] = [];
  #items: ChunkItem[] = [];
  #layout = new ChunkLayout([]);
  #pinned: readonly number[] = [];
  /** The viewport's top edge, relative to a chunk, as last painted: restored after re-layout. */
  #anchor: { index: number; within: number } | null = null;
  #scroller: HTMLElement | null = null;
  #list: HTMLElement | null = null;
  #width = 0;
  /**
   * Where the chunks start inside the scroller (the reader's top padding). Read where layout is
   * fresh anyway (measuring, resizing), so scrolling and jumps never force a layout to get it.
   */
  #listTop = 0;
  #frame = 0;
  /**
   * Set after an open or a jump, until the frame after the one that paints it: add only what is
   * in view, so it paints sooner; the margins follow a frame later.
   */
  #lean = false;
  #leanFrame = 0;

  /** What the template draws: rendered chunks and the spacers between them. */
  readonly items: WindowItem[] = $derived.by(() => {
    void this.#version;
    const out: WindowItem[] = [];
    let next = 0;
    for (const i of this.mounted) {
      if (i > next) out.push(this.#gap(next, i));
      out.push(this.#items[i]!);
      next = i + 1;
    }
    if (next < this.#chunks.length) out.push(this.#gap(next, this.#chunks.length));
    return out;
  });

  get layout(): ChunkLayout {
    return this.#layout;
  }

  /** A new article body: estimate every chunk, render the top of it. */
  reset(text: string, blocks: readonly Block[], chunks: readonly Chunk[]) {
    const metrics = this.#metrics();
    this.#chunks = chunks;
    this.#items = chunks.map((chunk) => ({ kind: 'chunk', key: `c${chunk.index}`, chunk }));
    this.#layout = new ChunkLayout(chunks.map((c) => estimateHeight(text, blocks, c, metrics)));
    this.#pinned = [];
    this.#anchor = null;
    if (this.#scroller) this.#scroller.scrollTop = 0;
    this.#leanForAFrame();
    const last = this.#layout.indexAt(this.#scroller?.clientHeight || window.innerHeight);
    this.mounted = Array.from({ length: last + 1 }, (_, i) => i);
    this.#version++;
  }

  attach(scroller: HTMLElement, list: HTMLElement): () => void {
    this.#scroller = scroller;
    this.#list = list;
    this.#width = list.clientWidth;
    this.#listTop = list.offsetTop;
    const onScroll = () => {
      this.#frame ||= requestAnimationFrame(() => {
        this.#frame = 0;
        this.update();
      });
    };
    // The list resizes when a rendered chunk does (fonts, the window's width) and when spacers do.
    const observer = new ResizeObserver(() => {
      this.#listTop = list.offsetTop;
      if (list.clientWidth !== this.#width) {
        this.#width = list.clientWidth;
        this.#layout.forget(this.mounted);
      }
      this.#measure();
    });
    scroller.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(list);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
      cancelAnimationFrame(this.#frame);
      cancelAnimationFrame(this.#leanFrame);
      this.#frame = this.#leanFrame = 0;
      this.#lean = false;
      this.#scroller = this.#list = null;
    };
  }

  /**
   * Call after each render of `items`: puts the viewport back where it was if heights changed,
   * measures what was rendered, and renders more or less if the window moved as a result.
   */
  afterRender() {
    const scroller = this.#scroller;
    const list = this.#list;
    if (!scroller || !list) return;
    if (this.#anchor) {
      const { index, within } = this.#anchor;
      this.#anchor = null;
      const target = this.#listTop + this.#layout.top(index) + within;
      if (Math.abs(scroller.scrollTop - target) >= 1) scroller.scrollTop = target;
    }
    this.#measure();
    this.update();
  }

  /** Renders the chunks near the viewport (and the pinned ones); unrenders the far ones. */
  update() {
    const scroller = this.#scroller;
    const list = this.#list;
    const count = this.#chunks.length;
    if (!scroller || !list || count === 0) return;
    const top = scroller.scrollTop - this.#listTop;
    const height = scroller.clientHeight;
    const margin = this.#margin();
    const reach = this.#lean ? 0 : margin;
    // Render within one margin; keep what is rendered within two, so scrolling back and forth
    // across a chunk's edge doesn't render it again and again.
    const [first, last] = this.#layout.span(top - reach, top + height + reach)!;
    const [keepFirst, keepLast] = this.#layout.span(top - 2 * margin, top + height + 2 * margin)!;
    const next: number[] = [];
    for (let i = first; i <= last; i++) next.push(i);
    for (const i of this.mounted) if (i >= keepFirst && i <= keepLast) next.push(i);
    for (const i of this.#pinned) if (i < count) next.push(i);
    const sorted = sortedUnique(next);
    if (!sameNumbers(sorted, this.mounted)) this.mounted = sorted;
  }

  /** Keeps these chunks rendered whatever the scroll position (the ends of the selection). */
  pin(indices: readonly number[]) {
    const sorted = sortedUnique(indices);
    if (sameNumbers(sorted, this.#pinned)) return;
    this.#pinned = sorted;
    this.update();
  }

  /** Scrolls so that `within` pixels into chunk `index` sits at `at` of the viewport's height. */
  reveal(index: number, within: number, at = 1 / 3) {
    const scroller = this.#scroller;
    const list = this.#list;
    if (!scroller || !list) return;
    this.#anchor = null;
    this.#leanForAFrame();
    const target = this.#listTop + this.#layout.top(index) + within - scroller.clientHeight * at;
    scroller.scrollTop = Math.max(0, target);
    this.update();
  }

  /** Chunk heights from the DOM; a change above the viewport queues a scroll correction. */
  #measure() {
    const scroller = this.#scroller;
    const list = this.#list;
    if (!scroller || !list) return;
    // Where the viewport's top edge is in the layout the last frame was painted with.
    this.#listTop = list.offsetTop;
    const top = scroller.scrollTop - this.#listTop;
    const index = this.#layout.indexAt(top);
    const anchor = { index, within: top - this.#layout.top(index) };
    let moved = false;
    for (const el of list.children) {
      const i = (el as HTMLElement).dataset.chunk;
      if (i === undefined) continue;
      moved = this.#layout.measure(Number(i), el.getBoundingClientRect().height) || moved;
    }
    moved = this.#layout.calibrate() || moved;
    if (!moved) return;
    // If two measurements land before the correction is applied, the first knows the truth.
    this.#anchor ??= anchor;
    this.#version++;
  }

  #leanForAFrame() {
    this.#lean = true;
    cancelAnimationFrame(this.#leanFrame);
    // Two frames: the first paints the view (and ends the nb:* measures), the next the margins.
    this.#leanFrame = requestAnimationFrame(() => {
      this.#leanFrame = requestAnimationFrame(() => {
        this.#leanFrame = 0;
        this.#lean = false;
        this.update();
      });
    });
  }

  #gap(from: number, to: number): GapItem {
    const height = this.#layout.top(to) - this.#layout.top(from);
    return { kind: 'gap', key: `g${from}`, height, start: this.#chunks[from]!.start };
  }

  #margin() {
    return Math.max(MIN_MARGIN, this.#scroller?.clientHeight ?? window.innerHeight);
  }

  /** Typography for the estimates, from the rendered reader when there is one. */
  #metrics(): TextMetrics {
    const list = this.#list;
    if (!list || list.clientWidth === 0) return DEFAULT_METRICS;
    const style = getComputedStyle(list);
    const fontSize = parseFloat(style.fontSize) || 18;
    const lineHeight = parseFloat(style.lineHeight) || fontSize * 1.65;
    return {
      charsPerLine: Math.max(10, list.clientWidth / (fontSize * 0.47)),
      lineHeight,
      blockGap: fontSize,
    };
  }
}

function sortedUnique(numbers: readonly number[]): number[] {
  return [...numbers].sort((a, b) => a - b).filter((n, i, all) => i === 0 || n !== all[i - 1]);
}

function sameNumbers(a: readonly number[], b: readonly number[]) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
