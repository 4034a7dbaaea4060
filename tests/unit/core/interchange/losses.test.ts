// "What this format will not keep" (electron/shared/interchange.ts): the lines the export dialog
// shows before a REFI-QDA export, counted from the articles the export will carry.
import { describe, expect, it } from 'vitest';
import {
  interchangeLosses,
  leftOutForReviewText,
  REVIEW_CHOICE_TEXT,
  REVIEW_EXPORT_CHOICES,
} from '../../../../electron/shared/interchange';
import type { ArticleFormat } from '../../../../electron/shared/model';

const article = (revision: number, needsReview: number, format: ArticleFormat) => ({
  revision,
  needsReview,
  format,
});

describe('what a REFI-QDA format will not keep', () => {
  it('a project names revisions, review, formatting, page marks and the change log, with counts', () => {
    const losses = interchangeLosses('refi-qdpx', [
      article(3, 2, 'pdf'),
      article(2, 1, 'epub'),
      article(1, 0, 'pasted'),
    ]);
    const text = Object.fromEntries(losses.map((l) => [l.topic, l.text]));
    expect(losses.map((l) => l.topic)).toEqual([
      'revisions',
      'review',
      'formatting',
      'places',
      'originals',
      'details',
      'guidance',
      'log',
      'analysts',
    ]);
    expect(text.revisions).toContain('(2 articles have earlier revisions)');
    expect(text.review).toMatch(/^3 annotations await review .* Choose what happens to them:$/);
    expect(text.formatting).toContain('plain text');
    expect(text.places).toContain('page');
    expect(text.originals).toContain('1 article not from Word or PDF');
    expect(text.log).toContain('change log');
  });

  it('says when there is nothing of a kind, and leaves out the originals line then', () => {
    const losses = interchangeLosses('refi-qdpx', [article(1, 0, 'docx'), article(1, 0, 'pdf')]);
    const text = Object.fromEntries(losses.map((l) => [l.topic, l.text]));
    expect(text.revisions).toBe(
      'Revisions other than the current one: each source is its article’s current text.',
    );
    expect(text.review).toContain('none of these articles has one');
    expect(text).not.toHaveProperty('originals');
    expect(
      interchangeLosses('refi-qdpx', [article(1, 1, 'text')]).find((l) => l.topic === 'review')!
        .text,
    ).toMatch(/^1 annotation awaits review .* happens to it:$/);
  });

  it('a codebook names its change log; other formats get no list', () => {
    expect(interchangeLosses('refi-qdc', []).map((l) => l.topic)).toEqual([
      'guidance',
      'log',
      'tag-history',
    ]);
    expect(interchangeLosses('markdown', [article(2, 3, 'pdf')])).toEqual([]);
  });

  it('words the review choice and its count', () => {
    expect(REVIEW_EXPORT_CHOICES.map((c) => REVIEW_CHOICE_TEXT[c])).toEqual([
      'Leave them out (the export counts them)',
      'Export them as notes on their article: quote, tags and comment, not placed in the text',
    ]);
    expect(leftOutForReviewText(1)).toBe(
      '1 annotation awaiting review was left out of the project.',
    );
    expect(leftOutForReviewText(4)).toBe(
      '4 annotations awaiting review were left out of the project.',
    );
  });
});
