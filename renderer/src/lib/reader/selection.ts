// The analyst's selection in the reader: as a passage of the article, extended from the keyboard,
// and which rendered chunks hold its ends (so they stay rendered while it exists).
import type { Span } from '../../../../electron/shared/model';
import type { TextMap } from './text-map';

/** The selection as a passage of `text`, if it lies inside `root` and isn't only white space. */
export function passageOf(
  selection: Selection | null,
  root: HTMLElement,
  map: TextMap,
  text: string,
): Span | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = map.offsetOf(range.startContainer, range.startOffset);
  const end = map.offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  // Trim white space at the edges, as an analyst means the words, not the gaps.
  const passage = text.slice(start, end);
  const lead = passage.length - passage.trimStart().length;
  const trail = passage.length - passage.trimEnd().length;
  if (start + lead >= end - trail) return null;
  return { start: start + lead, end: end - trail };
}

/** The chunks holding the selection's anchor and focus (what to keep rendered). */
export function selectedChunks(selection: Selection | null): number[] {
  if (!selection || selection.isCollapsed) return [];
  return [chunkOf(selection.anchorNode), chunkOf(selection.focusNode)].filter((i) => i >= 0);
}

function chunkOf(node: Node | null): number {
  const el = node instanceof Element ? node : node?.parentElement;
  const chunk = el?.closest<HTMLElement>('[data-chunk]')?.dataset.chunk;
  return chunk === undefined ? -1 : Number(chunk);
}

/**
 * Shift+Arrow extends the selection (caret browsing isn't on by default): by character, by word
 * with Ctrl or Alt, by line with Up and Down. Starts at the first visible run if the selection is
 * elsewhere. Returns false when the key isn't one of these.
 */
export function extendSelection(
  event: KeyboardEvent,
  root: HTMLElement,
  scroller: HTMLElement,
  map: TextMap,
): boolean {
  if (!event.shiftKey || !event.key.startsWith('Arrow')) return false;
  const selection = document.getSelection();
  if (!selection) return false;
  if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) {
    const first = firstVisibleRun(map, scroller);
    if (!first) return true;
    selection.collapse(first, 0);
  }
  const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
  const unit =
    event.key === 'ArrowUp' || event.key === 'ArrowDown'
      ? 'line'
      : event.ctrlKey || event.altKey
        ? 'word'
        : 'character';
  selection.modify('extend', forward ? 'forward' : 'backward', unit);
  revealFocus(selection, scroller);
  return true;
}

/** Scrolls the selection's moving end into view, which renders the chunks beyond it. */
function revealFocus(selection: Selection, scroller: HTMLElement) {
  if (!selection.focusNode) return;
  const caret = document.createRange();
  caret.setStart(selection.focusNode, selection.focusOffset);
  const rect = caret.getBoundingClientRect();
  if (rect.height === 0) return;
  const box = scroller.getBoundingClientRect();
  const margin = rect.height * 2;
  if (rect.bottom + margin > box.bottom) scroller.scrollTop += rect.bottom + margin - box.bottom;
  else if (rect.top - margin < box.top) scroller.scrollTop -= box.top - (rect.top - margin);
}

function firstVisibleRun(map: TextMap, scroller: HTMLElement): Text | undefined {
  const top = scroller.getBoundingClientRect().top;
  for (const run of map.runs) {
    const el = run.node.parentElement;
    if (el && el.getBoundingClientRect().bottom > top) return run.node;
  }
  return map.runs[0]?.node;
}
