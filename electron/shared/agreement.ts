// How far coders agree, and where they don't: the shapes the agreement view and the adjudication
// view are drawn from. The core computes them (electron/core/analysis/agreement); the renderer
// draws them (renderer/src/components/agreement).
//
// Coding is compared per tag and article. Each coder's passages with the tag (its own tag, not its
// subtree) mark the article's units as coded or not; a unit is a character (UTF-16 code unit, the
// store's offsets), a sentence or a paragraph (coded when any of the coder's passages with the tag
// overlaps it). Orphaned passages cover no text and take no part.
import type { AdjudicationChoice, Span } from './model';

export const AGREEMENT_UNITS = ['character', 'sentence', 'paragraph'] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

export interface AgreementQuery {
  /** Analyst ids, two or more; absent: every coder with a passage in the notebook. */
  coders?: string[];
  /** Absent: character. */
  unit?: AgreementUnit;
  /** Only these articles; absent: every article. */
  articleIds?: string[];
  /** Only these tags; absent: every tag someone used. */
  tagIds?: string[];
}

/** The figures of one comparison (a tag in an article, a tag overall, an article, everything). */
export interface AgreementFigures {
  /**
   * Units on which every coder agrees (all coded or all uncoded), as a fraction of units, 0..1.
   * null when there are no units (an empty article).
   */
  percent: number | null;
  /**
   * Cohen's kappa, two coders only (null otherwise), over the units as NVivo computes it: both
   * coded and both uncoded units agree; chance from each coder's own proportion coded. Per tag and
   * article; the roll-ups (a tag over articles, an article over tags, overall) weight each tag and
   * article's kappa by its number of units, as NVivo's average does. null where undefined (both
   * coders coded nothing, or everything: chance agreement 1).
   */
  kappa: number | null;
  /**
   * Krippendorff's alpha, nominal, for any number of coders (coded / not coded per unit). The
   * roll-ups pool the units, not the alphas. null where undefined (no variation at all).
   */
  alpha: number | null;
  /** Units compared. */
  units: number;
  /** Units on which the coders differ: what the cell's click lists, as disagreements. */
  disagreeingUnits: number;
  /** Units each coder coded, by Analyst id. */
  coded: Record<string, number>;
}

export interface AgreementCell extends AgreementFigures {
  tagId: string;
  articleId: string;
}

export interface Agreement {
  /** The coders compared, as asked or found (Analyst ids). */
  coders: string[];
  unit: AgreementUnit;
  /** Tags in codebook order (top-down, as the tree shows them) with their path. */
  tags: Array<{ id: string; path: string; color: string }>;
  articles: Array<{ id: string; title: string }>;
  /** One per tag and article that any coder used the tag in. */
  cells: AgreementCell[];
  byTag: Record<string, AgreementFigures>;
  byArticle: Record<string, AgreementFigures>;
  overall: AgreementFigures;
}

export interface DisagreementQuery {
  /** Exactly two coders (Analyst ids): A and B, in the order the view shows them. */
  coders: [string, string];
  unit?: AgreementUnit;
  articleId?: string;
  tagId?: string;
  /** Include the ones already adjudicated (each with its decision); absent: only open ones. */
  includeDecided?: boolean;
}

/** One coder's passage that takes part in a disagreement. */
export interface DisagreementPassage {
  annotationId: string;
  analystId: string;
  span: Span;
  quote: string;
  comment: string;
}

/**
 * A stretch of text, in one article and for one tag, that one coder coded and the other did not,
 * or that both coded with passages that don't line up. Consecutive disagreeing units the same
 * passages explain are one disagreement.
 */
export interface Disagreement {
  /**
   * Stable while the coding doesn't change: `<articleId>:<tagId>:<start>-<end>` of the stretch.
   * What adjudicate takes, and the Adjudication record's id.
   */
  key: string;
  articleId: string;
  tagId: string;
  /** The disagreeing stretch in the current revision. */
  span: Span;
  /** The article's text around it (a sentence or so each side), for the view. */
  before: string;
  text: string;
  after: string;
  /** A's and B's passages with the tag that overlap the stretch (either list may be empty). */
  a: DisagreementPassage[];
  b: DisagreementPassage[];
  /** Set when it has been adjudicated (includeDecided only). */
  decided?: AdjudicationChoice;
}

export interface AdjudicateRequest {
  key: string;
  coders: [string, string];
  choice: AdjudicationChoice;
  /** edit: the span the consensus passage covers (current revision). */
  span?: Span;
  unit?: AgreementUnit;
}

export interface AdjudicateOutcome {
  /**
   * The consensus layer's analyst (made on the first adjudication or copy); '' when a copy found
   * nothing to copy and there is no layer yet.
   */
  consensusId: string;
  /** The consensus annotations this decision made. */
  annotationIds: string[];
}
