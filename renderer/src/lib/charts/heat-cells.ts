// A heat map's cells, made as plain SVG elements in one pass. A matrix of tags by 50 articles is
// a thousand cells of three elements each; made through the component, each cell's effects,
// anchors and handlers cost the view most of its paint budget. Here the cells are made once per
// layout, clicks and keys are delegated to the layer, and only the few attributes that change
// afterwards (which cell is chosen, which holds the tab stop) are set again.
import { formatCount } from '../words';
import type { HeatCell, LaidCell } from './heat-grid';

const SVG = 'http://www.w3.org/2000/svg';

export interface CellLayer {
  cells: readonly LaidCell[];
  /** A cell's side in pixels. */
  size: number;
  /** The line between cells. */
  gap: string;
  /** A clickable cell's index among the clickable ones, or -1. */
  indexOf: (cell: LaidCell) => number;
  /** The words for a clickable cell's button. */
  describe: (cell: HeatCell) => string;
}

function element(name: string, attributes: Record<string, string | number>) {
  const made = document.createElementNS(SVG, name);
  for (const key in attributes) made.setAttribute(key, String(attributes[key]));
  return made;
}

/** Make every cell of the layer inside `group`, replacing what it held. */
export function drawCells(group: SVGGElement, layer: CellLayer): void {
  const made = document.createDocumentFragment();
  for (const cell of layer.cells) {
    const index = layer.indexOf(cell);
    const rect = element('rect', {
      x: cell.x,
      y: cell.y,
      width: layer.size,
      height: layer.size,
      fill: cell.fill,
      stroke: layer.gap,
      'stroke-width': 1,
    });
    // A clickable cell is its rect: two elements a cell rather than three (a group around them)
    // is a third less to style and lay out, most of what a thousand-cell map costs to paint. The
    // number on it lets clicks through (HeatMap.svelte), so they land on the rect.
    if (index !== -1) {
      rect.setAttribute('class', 'mark');
      rect.setAttribute('role', 'button');
      rect.setAttribute('tabindex', '-1');
      rect.setAttribute('aria-pressed', 'false');
      rect.setAttribute('aria-label', layer.describe(cell));
      rect.setAttribute('data-mark', String(index));
    }
    made.append(rect);
    if (cell.value > 0) {
      // Anchor, baseline and size are inherited from the layer (HeatMap.svelte sets them once);
      // a screen reader has the rect's label, so the number is hidden from it.
      const label = element('text', {
        x: cell.x + layer.size / 2,
        y: cell.y + layer.size / 2,
        fill: cell.ink,
        'aria-hidden': 'true',
      });
      if (cell.diagonal) label.setAttribute('font-weight', 'bold');
      label.textContent = formatCount(cell.value);
      made.append(label);
    }
  }
  group.replaceChildren(made);
}

/**
 * Mark the chosen cells (outlined, pressed) and the one tab stop among the clickable cells;
 * `chosen` and `stop` are indexes among them.
 */
export function markCells(group: SVGGElement, chosen: ReadonlySet<number>, stop: number): void {
  for (const mark of group.querySelectorAll<SVGElement>('[data-mark]')) {
    const index = Number(mark.dataset.mark);
    const isChosen = chosen.has(index);
    if (mark.classList.contains('chosen') !== isChosen) {
      mark.classList.toggle('chosen', isChosen);
      mark.setAttribute('aria-pressed', String(isChosen));
    }
    const tabindex = index === stop ? '0' : '-1';
    if (mark.getAttribute('tabindex') !== tabindex) mark.setAttribute('tabindex', tabindex);
  }
}

/** The clickable cell an event happened in (its index among them), or null. */
export function markOf(event: Event): number | null {
  const mark = (event.target as Element | null)?.closest?.('[data-mark]');
  if (!mark) return null;
  const index = Number(mark.getAttribute('data-mark'));
  return Number.isInteger(index) ? index : null;
}
