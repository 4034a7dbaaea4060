// Draws annotations with the CSS Custom Highlight API: one Highlight per tag colour, no DOM
// mutation, so text nodes stay intact for selection and overlaps paint on top of each other.
// Only the annotations of rendered chunks get Ranges; the reader repaints as chunks come and go.
// Coders' layers (coder-highlights.ts) are highlights of the same Ranges.
import type { Tag } from '../../../../electron/shared/model';
import type { Placed } from './annotation-index';
import {
  BOTH_PRIORITY,
  COMPARE_BOTH,
  COMPARE_FIRST,
  COMPARE_SECOND,
  CODER_PREFIX,
  LINE_PRIORITY,
  LINE_SUFFIX,
  coderHighlight,
  paintCoderStyles,
  sharedSpans,
  type CoderLayers,
} from './coder-highlights';
import { overlapRanges } from './overlaps';
import type { TextMap } from './text-map';

const PREFIX = 'nb-';
/** The passage a new annotation is being written for (outside the nb- names repainted below). */
export const PENDING = 'notebook-pending';
/** Moved or fuzzy annotations, drawn at their candidate span until the analyst reviews them. */
export const REVIEW = `${PREFIX}review`;

const sheet = new CSSStyleSheet();
let adopted = false;
/** The colours the sheet has rules for, as one key (rewritten only when the set changes). */
let sheetColours = '';

/**
 * One highlight per colour, not per tag: a codebook of 500 tags has a handful of colours, and
 * every rule in the sheet costs each style recalculation of the page (the codebook's own tree
 * included). Colours are #rrggbb (the core checks), so the name is a CSS identifier.
 */
const nameForColour = (color: string) => `${PREFIX}tag-${color.slice(1).toLowerCase()}`;

/**
 * Replaces every nb-* highlight with those of `placed` (the annotations of the rendered chunks),
 * and with `layers`, the coders' too: comparing two coders, their tints take the tags' place.
 * Returns how many annotations got a range.
 */
export function paintHighlights(
  map: TextMap,
  placed: readonly Placed[],
  tagsById: Map<string, Tag>,
  activeId: string | null,
  layers?: CoderLayers,
): number {
  if (!('highlights' in CSS)) return 0;
  const groups = new Map<string, Range[]>();
  const add = (name: string, range: Range) => {
    const group = groups.get(name);
    if (group) group.push(range);
    else groups.set(name, [range]);
  };
  const active: Range[] = [];
  const review: Range[] = [];
  const spans: Array<[number, number]> = [];
  const comparing = layers?.view.mode === 'compare' ? layers.view.pair : null;
  const compared: [Array<[number, number]>, Array<[number, number]>] = [[], []];
  for (const { annotation, start, end, review: needsReview } of placed) {
    const range = map.rangeOf(start, end);
    if (!range) continue;
    if (comparing) {
      const side = comparing.indexOf(layers!.keyOf(annotation));
      if (side !== -1) {
        add(side === 0 ? COMPARE_FIRST : COMPARE_SECOND, range);
        compared[side]!.push([start, end]);
      }
    } else {
      const tagId = annotation.tagIds.find((id) => tagsById.has(id));
      add(tagId ? nameForColour(tagsById.get(tagId)!.color) : `${PREFIX}untagged`, range);
      if (layers?.lined) {
        const coder = layers.coders.get(layers.keyOf(annotation));
        if (coder) add(coderHighlight(coder), range);
      }
    }
    // A Range may belong to several highlights: it is the same stretch of text.
    if (annotation.id === activeId) active.push(range);
    if (needsReview) review.push(range);
    spans.push([start, end]);
  }

  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith(PREFIX)) CSS.highlights.delete(name);
  }
  for (const [name, ranges] of groups) {
    const highlight = new Highlight(...ranges);
    // Coders' lines above every tint; a compared coder's line over the same ranges as its tint.
    if (name.startsWith(CODER_PREFIX)) highlight.priority = LINE_PRIORITY;
    CSS.highlights.set(name, highlight);
    if (name === COMPARE_FIRST || name === COMPARE_SECOND) {
      const line = new Highlight(...ranges);
      line.priority = LINE_PRIORITY;
      CSS.highlights.set(`${name}${LINE_SUFFIX}`, line);
    }
  }
  if (comparing) {
    // Where the two coders' passages meet; one coder's own nested passages need no mark here.
    const both = sharedSpans(...compared).flatMap(([s, e]) => map.rangeOf(s, e) ?? []);
    if (both.length) {
      const shade = new Highlight(...both);
      shade.priority = BOTH_PRIORITY;
      CSS.highlights.set(COMPARE_BOTH, shade);
    }
  } else {
    const overlaps = overlapRanges(spans).flatMap(([s, e]) => map.rangeOf(s, e) ?? []);
    if (overlaps.length) CSS.highlights.set(`${PREFIX}overlap`, new Highlight(...overlaps));
  }
  if (review.length) {
    const highlight = new Highlight(...review);
    highlight.priority = 5;
    CSS.highlights.set(REVIEW, highlight);
  }
  if (active.length) {
    const highlight = new Highlight(...active);
    highlight.priority = 10;
    CSS.highlights.set(`${PREFIX}active`, highlight);
  }
  paintTagColours(tagsById);
  if (layers) paintCoderStyles(layers);
  return spans.length;
}

/** One rule per colour the codebook uses, rewritten only when that set of colours changes. */
function paintTagColours(tagsById: Map<string, Tag>) {
  if (!adopted) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    adopted = true;
  }
  const colours = [...new Set([...tagsById.values()].map((t) => t.color.toLowerCase()))].sort();
  const key = colours.join(' ');
  if (key === sheetColours) return;
  sheetColours = key;
  sheet.replaceSync(
    colours
      .map((color) => `::highlight(${nameForColour(color)}) { background-color: ${color}66; }`)
      .join('\n'),
  );
}
