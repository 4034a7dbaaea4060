// Draws annotations with the CSS Custom Highlight API: one Highlight per tag colour, no DOM
// mutation, so text nodes stay intact for selection and overlaps paint on top of each other.
import type { Annotation, Tag } from '../../../../electron/shared/model';
import { overlapRanges } from './overlaps';
import type { TextMap } from './text-map';

const PREFIX = 'nb-';
const sheet = new CSSStyleSheet();
let adopted = false;

/** Highlight names are CSS identifiers; tag ids are uuids, which may start with a digit. */
const nameForTag = (tagId: string) => `${PREFIX}tag-${tagId}`;

export function paintHighlights(
  map: TextMap,
  annotations: Annotation[],
  tagsById: Map<string, Tag>,
  activeId: string | null,
) {
  if (!('highlights' in CSS)) return;
  if (!adopted) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    adopted = true;
  }
  const groups = new Map<string, Range[]>();
  const active: Range[] = [];
  const placed: Array<[number, number]> = [];
  for (const annotation of annotations) {
    if (annotation.anchor === 'orphaned') continue;
    const { start, end } = annotation.selectors[0];
    const range = map.rangeOf(start, end);
    if (!range) continue;
    const tagId = annotation.tagIds.find((id) => tagsById.has(id));
    const name = tagId ? nameForTag(tagId) : `${PREFIX}untagged`;
    groups.set(name, [...(groups.get(name) ?? []), range]);
    if (annotation.id === activeId) active.push(map.rangeOf(start, end)!);
    placed.push([start, end]);
  }

  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith(PREFIX)) CSS.highlights.delete(name);
  }
  for (const [name, ranges] of groups) CSS.highlights.set(name, new Highlight(...ranges));
  const overlaps = overlapRanges(placed).flatMap(([s, e]) => map.rangeOf(s, e) ?? []);
  if (overlaps.length) CSS.highlights.set(`${PREFIX}overlap`, new Highlight(...overlaps));
  if (active.length) {
    const highlight = new Highlight(...active);
    highlight.priority = 10;
    CSS.highlights.set(`${PREFIX}active`, highlight);
  }

  sheet.replaceSync(
    [...tagsById.values()]
      .map((t) => `::highlight(${nameForTag(t.id)}) { background-color: ${t.color}66; }`)
      .join('\n'),
  );
}
