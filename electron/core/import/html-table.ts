// Reads an HTML table as rows of cells for the walk: which tables hold data (and become
// table-row blocks) and which only lay a page out, and where each cell falls in its row.

// Content that makes a cell a page region rather than a datum.
const BLOCK_CONTENT =
  'table, h1, h2, h3, h4, h5, h6, ul, ol, dl, blockquote, pre, div, section, article, form';
const MAX_SPAN = 50;

export interface TableRow {
  /** Header cells only (th), or a row of a thead. */
  header: boolean;
  /** The row's cells by column; null where a spanned or missing cell leaves the column empty. */
  cells: (Element | null)[];
}

/**
 * Whether a table holds data, so its rows and cells are worth keeping as such. Tables that lay
 * out a page (old sites put whole articles in them) are walked as ordinary blocks instead. Like
 * Readability's test, but a small table of plain cells counts as data: articles have those.
 */
export function isDataTable(table: Element): boolean {
  const role = table.getAttribute('role')?.toLowerCase();
  if (role === 'presentation' || role === 'none' || table.getAttribute('datatable') === '0') {
    return false;
  }
  if (table.querySelector('table') !== null) return false;
  if (table.hasAttribute('summary') || childrenNamed(table, 'caption').length > 0) return true;
  // Header cells are for data; no layout needs them.
  if (table.querySelector('th, thead') !== null) return true;
  const rows = tableRows(table);
  const columns = Math.max(0, ...rows.map((r) => r.cells.length));
  if (rows.length < 2 || columns < 2) return false;
  return table.querySelector(BLOCK_CONTENT) === null;
}

/**
 * The rows in reading order (thead, body rows, then tfoot, as browsers draw them), each cell at
 * its column: a colspan leaves empty columns after its cell, a rowspan an empty column in the
 * rows below, so cells of one column line up across rows.
 */
export function tableRows(table: Element): TableRow[] {
  const groups = { head: [] as Element[], body: [] as Element[], foot: [] as Element[] };
  for (const child of elementChildren(table)) {
    const name = child.localName;
    if (name === 'tr') groups.body.push(child);
    else if (name === 'thead') groups.head.push(...childrenNamed(child, 'tr'));
    else if (name === 'tbody') groups.body.push(...childrenNamed(child, 'tr'));
    else if (name === 'tfoot') groups.foot.push(...childrenNamed(child, 'tr'));
  }
  const headRows = new Set(groups.head);
  // Rows still covered by a cell above, by column.
  const covered: number[] = [];
  return [...groups.head, ...groups.body, ...groups.foot].map((tr) => {
    const cells: (Element | null)[] = [];
    const fill = () => {
      while ((covered[cells.length] ?? 0) > 0) {
        covered[cells.length]!--;
        cells.push(null);
      }
    };
    const own = elementChildren(tr).filter((c) => c.localName === 'td' || c.localName === 'th');
    for (const cell of own) {
      fill();
      const colspan = spanOf(cell, 'colspan');
      const rowspan = spanOf(cell, 'rowspan');
      for (let i = 0; i < colspan; i++) {
        if (rowspan > 1) covered[cells.length] = rowspan - 1;
        cells.push(i === 0 ? cell : null);
      }
    }
    fill();
    const header = headRows.has(tr) || (own.length > 0 && own.every((c) => c.localName === 'th'));
    return { header, cells };
  });
}

function spanOf(cell: Element, attribute: string): number {
  const n = Number.parseInt(cell.getAttribute(attribute) ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

export function elementChildren(element: Element): Element[] {
  const out: Element[] = [];
  for (let c = element.firstElementChild; c !== null; c = c.nextElementSibling) out.push(c);
  return out;
}

export function childrenNamed(element: Element, name: string): Element[] {
  return elementChildren(element).filter((c) => c.localName === name);
}
