// Coders' layers in the reader, as highlights beside the tag colours (highlights.ts): each coder's
// passages get a line over the text in the coder's colour and line style (solid, dashed, dotted,
// double; wavy for the unknown coder). Comparing two, the first coder's passages are tinted and
// lined above the text, the second's below, and where both coded the tints add up over a shade of
// their own (nb-compare-both), so whose a passage is never rests on colour alone. Lines go in
// highlights of their own, painted above every tint (a tint painted later would hide them).
import type { Annotation } from '../../../../electron/shared/model';
import type { Coder, CoderView } from './coder-layers';

export const CODER_PREFIX = 'nb-coder-';
export const COMPARE_FIRST = 'nb-compare-a';
export const COMPARE_SECOND = 'nb-compare-b';
export const COMPARE_BOTH = 'nb-compare-both';
export const LINE_SUFFIX = '-line';
/** Painted above the tints (priority 0), below review and the active passage (5 and 10). */
export const LINE_PRIORITY = 1;
/** The shared stretch's shade goes under the tints, which add to it. */
export const BOTH_PRIORITY = -1;

export interface CoderLayers {
  view: CoderView;
  keyOf: (annotation: Annotation) => string;
  coders: ReadonlyMap<string, Coder>;
  /**
   * Whether each coder's line is drawn outside comparison: with one coder in the whole article it
   * would only repeat what the panel says.
   */
  lined: boolean;
}

/** The highlight a coder's passages go into (a CSS identifier: the slot is a number). */
export const coderHighlight = (coder: Coder) => `${CODER_PREFIX}${coder.slot}`;

/** Stretches covered by both lists of spans (each merged first), in order. */
export function sharedSpans(
  first: Array<[number, number]>,
  second: Array<[number, number]>,
): Array<[number, number]> {
  const a = merged(first);
  const b = merged(second);
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]![0], b[j]![0]);
    const end = Math.min(a[i]![1], b[j]![1]);
    if (start < end) out.push([start, end]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

function merged(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...spans].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Made on first paint (the module is also loaded where there is no document, in tests). */
let sheet: CSSStyleSheet | undefined;
let sheetKey = '';

/** #rrggbb as the core keeps it; anything else is drawn grey rather than written into CSS. */
const safeColour = (color: string) => (/^#[0-9a-f]{6}$/i.test(color) ? color : '#8a8a8a');
/** A line in a coder's colour, darkened on a light page so a pale colour still shows. */
const lineColour = (color: string) =>
  `light-dark(color-mix(in srgb, ${safeColour(color)} 62%, black), ${safeColour(color)})`;

/** The rules for every coder's line, and for the two compared; rewritten only when they change. */
export function paintCoderStyles(layers: CoderLayers) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const rules = [...layers.coders.values()].map(
    (c) =>
      `::highlight(${coderHighlight(c)}) { text-decoration: overline ${c.style} 2px ${lineColour(c.color)}; }`,
  );
  const [first, second] = layers.view.pair.map((key) => layers.coders.get(key));
  if (first) {
    rules.push(
      `::highlight(${COMPARE_FIRST}) { background-color: ${safeColour(first.color)}59; }`,
      `::highlight(${COMPARE_FIRST}${LINE_SUFFIX}) { text-decoration: overline ${first.style} 2px ${lineColour(first.color)}; }`,
    );
  }
  if (second) {
    rules.push(
      `::highlight(${COMPARE_SECOND}) { background-color: ${safeColour(second.color)}59; }`,
      `::highlight(${COMPARE_SECOND}${LINE_SUFFIX}) { text-decoration: underline ${second.style} 2px ${lineColour(second.color)}; text-underline-offset: 3px; }`,
    );
  }
  const key = rules.join('\n');
  if (key === sheetKey) return;
  sheetKey = key;
  sheet.replaceSync(key);
}
