// The agreement figures as the view shows them: the words and number formats, the table of tags
// (and overall), and the tag × article grid the heat map draws, kappa for two coders and alpha for
// more. Pure: no state, no DOM.
import type {
  Agreement,
  AgreementCell,
  AgreementFigures,
  AgreementUnit,
} from '../../../../electron/shared/agreement';
import type { HeatGrid } from '../../lib/charts/heat-grid';
import type { FigureTable } from '../../lib/charts/table';

export const UNIT_LABELS: Record<AgreementUnit, string> = {
  character: 'Characters',
  sentence: 'Sentences',
  paragraph: 'Paragraphs',
};

/** Which coefficient a map or a summary uses: kappa is for two coders only. */
export type Coefficient = 'kappa' | 'alpha';
export const coefficientOf = (answer: Agreement): Coefficient =>
  answer.coders.length === 2 ? 'kappa' : 'alpha';
export const COEFFICIENT_NAMES: Record<Coefficient, string> = {
  kappa: 'Cohen’s kappa',
  alpha: 'Krippendorff’s alpha',
};

const FIGURE = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 3,
});
const PERCENT = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** A coefficient as written in the table ("0.444", "−0.12"), a dash where it is undefined. */
export const formatFigure = (value: number | null) => (value === null ? '–' : FIGURE.format(value));
export const formatPercent = (value: number | null) =>
  value === null ? '–' : PERCENT.format(value);

/** A figure as a number for a table's cell (NaN where undefined: the CSV leaves it empty). */
const cellNumber = (value: number | null, digits = 3) =>
  value === null ? Number.NaN : Math.round(value * 10 ** digits) / 10 ** digits;

export interface FigureRowView {
  key: string;
  label: string;
  color?: string;
  figures: AgreementFigures;
}

/** The rows of the figures table: each tag compared (codebook order), then overall. */
export function figureRows(answer: Agreement): FigureRowView[] {
  const rows: FigureRowView[] = answer.tags.flatMap((tag) => {
    const figures = answer.byTag[tag.id];
    return figures ? [{ key: tag.id, label: tag.path, color: tag.color, figures }] : [];
  });
  rows.push({ key: '', label: 'Overall', figures: answer.overall });
  return rows;
}

export const FIGURE_HEADER = [
  'Tag',
  'Agreement (%)',
  'Kappa',
  'Alpha',
  'Units',
  'Disagreeing units',
] as const;

/** The figures table as numbers, for its CSV. */
export function figuresTable(answer: Agreement, caption: string): FigureTable {
  return {
    caption,
    header: [...FIGURE_HEADER],
    rows: figureRows(answer).map((row) => ({
      key: row.key || 'overall',
      head: row.label,
      cells: [
        row.figures.percent === null ? Number.NaN : Math.round(row.figures.percent * 1000) / 10,
        cellNumber(row.figures.kappa),
        cellNumber(row.figures.alpha),
        row.figures.units,
        row.figures.disagreeingUnits,
      ],
    })),
  };
}

export interface AgreementGrid {
  /** Geometry for heatLayout: tags by articles (the values are the map's own, below). */
  grid: HeatGrid;
  /** The coefficient of each cell, row by row; null where undefined or never compared. */
  values: Array<number | null>;
  /** The cell compared there, if any coder used the tag in that article. */
  cells: Array<AgreementCell | null>;
}

/** Tags (that any coder used) down the side, articles (where any did) along the top. */
export function agreementGrid(answer: Agreement, coefficient: Coefficient): AgreementGrid {
  const byPlace = new Map(answer.cells.map((c) => [`${c.tagId} ${c.articleId}`, c]));
  const usedTags = new Set(answer.cells.map((c) => c.tagId));
  const usedArticles = new Set(answer.cells.map((c) => c.articleId));
  const tags = answer.tags.filter((t) => usedTags.has(t.id));
  const articles = answer.articles.filter((a) => usedArticles.has(a.id));
  const cells: Array<AgreementCell | null> = [];
  const values: Array<number | null> = [];
  tags.forEach((tag) => {
    articles.forEach((article) => {
      const cell = byPlace.get(`${tag.id} ${article.id}`) ?? null;
      cells.push(cell);
      values.push(cell ? cell[coefficient] : null);
    });
  });
  return {
    grid: {
      rows: tags.map((t) => ({ key: t.id, label: t.path, color: t.color })),
      columns: articles.map((a) => ({ key: a.id, label: a.title })),
      columnsAreTags: false,
      cells: cells.map((_, i) => ({
        row: Math.floor(i / Math.max(1, articles.length)),
        col: i % Math.max(1, articles.length),
        value: 0,
      })),
    },
    values,
    cells,
  };
}

/** The map's numbers as a table (the Table view, the CSV). */
export function gridTable(grid: AgreementGrid, caption: string): FigureTable {
  const columns = grid.grid.columns.length;
  return {
    caption,
    header: ['Tag', ...grid.grid.columns.map((c) => c.label)],
    rows: grid.grid.rows.map((row, r) => ({
      key: row.key,
      head: row.label,
      cells: grid.values.slice(r * columns, (r + 1) * columns).map((v) => cellNumber(v)),
    })),
  };
}

/** Landis and Koch's words for a coefficient, as NVivo and most texts use them. */
export function strengthOf(value: number | null): string {
  if (value === null) return 'undefined';
  if (value < 0) return 'less than chance';
  if (value <= 0.2) return 'slight';
  if (value <= 0.4) return 'fair';
  if (value <= 0.6) return 'moderate';
  if (value <= 0.8) return 'substantial';
  return 'almost perfect';
}
