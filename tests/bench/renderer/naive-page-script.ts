// Runs in the naive baseline page: the whole article laid out at once and a <mark> wrapped around
// every highlight (the classic DOM-wrapping highlighter), plus one CSS Highlight per annotation
// for the naive hit test. The bench drives it through window.naive.

export interface NaiveData {
  text: string;
  blocks: Array<{ start: number; end: number }>;
  /** [start, end, colour index] per annotation. */
  spans: Array<[number, number, number]>;
  ids: string[];
  colors: string[];
}

export interface NaivePage {
  /**
   * Fetch, lay out every paragraph, wrap every highlight, wait for paint: ms in all, and ms from
   * the data being in hand (the span the app's nb:open covers).
   */
  open(withMarks: boolean): Promise<{ ms: number; layoutMs: number }>;
  /** Unwrap every <mark>, wrap them all again, wait for paint: ms. */
  reapply(): Promise<number>;
  /**
   * Registers every annotation's Range in CSS.highlights: one Highlight per tag colour (as the
   * design draws them), or one Highlight per annotation.
   */
  registerHighlights(perAnnotation: boolean): number;
  /** Client coordinates inside annotation `i`'s first line, after scrolling it into view. */
  pointIn(i: number): { x: number; y: number } | null;
  /** ms each click took from the handler's start to the annotation ids, and how many it found. */
  hits: Array<{ ms: number; ids: number; method: string }>;
  /** Forgets the clicks measured so far. */
  clearHits(): void;
}

declare global {
  interface Window {
    naive: NaivePage;
  }
  interface HighlightRegistry {
    highlightsFromPoint?(
      x: number,
      y: number,
    ): Array<{ highlight: Highlight; ranges?: AbstractRange[] }>;
  }
}

let data: NaiveData | undefined;
let paras: HTMLParagraphElement[] = [];
const rangeIds = new Map<AbstractRange, string>();

/** A frame has been produced once a task queued from inside requestAnimationFrame runs. */
const painted = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

function paragraphAt(offset: number): number {
  const blocks = data!.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text nodes of paragraphs first..last with their offsets in the article. */
function textNodes(first: number, last: number): Array<{ node: Text; start: number }> {
  const out: Array<{ node: Text; start: number }> = [];
  for (let p = first; p <= last; p++) {
    let at = data!.blocks[p]!.start;
    const walker = document.createTreeWalker(paras[p]!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text) {
      out.push({ node, start: at });
      at += node.data.length;
    }
  }
  return out;
}

/** Hypothesis-style highlightRange: split the text nodes at the edges, wrap each in a <mark>. */
function wrap(index: number) {
  const [start, end, color] = data!.spans[index]!;
  for (const { node, start: at } of textNodes(paragraphAt(start), paragraphAt(end - 1))) {
    const nodeEnd = at + node.data.length;
    if (nodeEnd <= start || at >= end) continue;
    let target = node;
    if (start > at) target = target.splitText(start - at);
    if (end < nodeEnd) target.splitText(end - Math.max(start, at));
    const mark = document.createElement('mark');
    mark.className = `c${color}`;
    mark.dataset.i = String(index);
    target.replaceWith(mark);
    mark.append(target);
  }
}

function rangeOf(index: number): Range | null {
  const [start, end] = data!.spans[index]!;
  const nodes = textNodes(paragraphAt(start), paragraphAt(end - 1));
  const first = nodes.find((n) => n.start + n.node.data.length > start);
  const last = [...nodes].reverse().find((n) => n.start < end);
  if (!first || !last) return null;
  const range = document.createRange();
  range.setStart(first.node, start - first.start);
  range.setEnd(last.node, end - last.start);
  return range;
}

function onClick(event: MouseEvent) {
  const t0 = performance.now();
  let ids: string[];
  let method: string;
  if (CSS.highlights.highlightsFromPoint) {
    method = 'highlightsFromPoint';
    ids = CSS.highlights
      .highlightsFromPoint(event.clientX, event.clientY)
      .flatMap(({ ranges }) => (ranges ?? []).flatMap((range) => rangeIds.get(range) ?? []));
  } else {
    method = 'elementsFromPoint';
    ids = document
      .elementsFromPoint(event.clientX, event.clientY)
      .flatMap((el) => (el instanceof HTMLElement && el.dataset.i ? [el.dataset.i] : []));
  }
  window.naive.hits.push({ ms: performance.now() - t0, ids: ids.length, method });
}

window.naive = {
  hits: [],

  async open(withMarks) {
    const t0 = performance.now();
    data = (await (await fetch('/data.json')).json()) as NaiveData;
    const t1 = performance.now();
    const root = document.getElementById('reader')!;
    const fragment = document.createDocumentFragment();
    paras = data.blocks.map((b) => {
      const p = document.createElement('p');
      p.textContent = data!.text.slice(b.start, b.end);
      fragment.append(p);
      return p;
    });
    root.replaceChildren(fragment);
    if (withMarks) data.spans.forEach((_, i) => wrap(i));
    document.getElementById('colors')!.textContent = data.colors
      .map((c, i) => `mark.c${i} { background-color: ${c}66; }`)
      .join('\n');
    root.addEventListener('click', onClick);
    await painted();
    const t2 = performance.now();
    return { ms: t2 - t0, layoutMs: t2 - t1 };
  },

  async reapply() {
    const t0 = performance.now();
    for (const mark of [...document.querySelectorAll('#reader mark')]) {
      mark.replaceWith(...mark.childNodes);
    }
    for (const p of paras) p.normalize();
    data!.spans.forEach((_, i) => wrap(i));
    await painted();
    return performance.now() - t0;
  },

  registerHighlights(perAnnotation) {
    const t0 = performance.now();
    CSS.highlights.clear();
    rangeIds.clear();
    const byColour = new Map<number, Range[]>();
    data!.spans.forEach(([, , color], i) => {
      const range = rangeOf(i);
      if (!range) return;
      rangeIds.set(range, data!.ids[i]!);
      if (perAnnotation) CSS.highlights.set(`a${i}`, new Highlight(range));
      else if (byColour.has(color)) byColour.get(color)!.push(range);
      else byColour.set(color, [range]);
    });
    for (const [color, ranges] of byColour) {
      CSS.highlights.set(`c${color}`, new Highlight(...ranges));
    }
    return performance.now() - t0;
  },

  clearHits() {
    window.naive.hits = [];
  },

  pointIn(i) {
    const range = rangeOf(i);
    if (!range) return null;
    paras[paragraphAt(data!.spans[i]![0])]!.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return rect
      ? { x: rect.left + Math.min(4, rect.width / 2), y: rect.top + rect.height / 2 }
      : null;
  },
};
