import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderExport } from '../../../../electron/core/export';
import {
  AFTER_EMOJI,
  articleRequest,
  DIPLOMACY,
  EXPORTED_AT,
  FOREIGN_POLICY,
  MULTILINE,
  NOTES,
  NOTES_ANNOTATIONS,
  notebookRequest,
  ORPHAN,
  PHONE,
  QUOTED,
  TIES,
  TIES_ANNOTATIONS,
} from './fixtures';

// The shapes of the W3C Web Annotation Data Model this export promises, written from the spec.
const TextQuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});
const TextPositionSelector = z.strictObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
const Body = z.discriminatedUnion('purpose', [
  z.strictObject({
    type: z.literal('TextualBody'),
    purpose: z.literal('tagging'),
    value: z.string().min(1),
  }),
  z.strictObject({
    type: z.literal('TextualBody'),
    purpose: z.literal('commenting'),
    value: z.string().min(1),
    format: z.literal('text/markdown'),
  }),
]);
const Annotation = z.strictObject({
  id: z.string().regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  type: z.literal('Annotation'),
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  body: z.array(Body).min(1).optional(),
  target: z.strictObject({
    source: z.string().regex(/^(https?:\/\/|urn:notebook:article:)\S+$/),
    selector: z.union([
      z.tuple([TextQuoteSelector, TextPositionSelector]),
      z.tuple([TextQuoteSelector]),
    ]),
  }),
  'urn:notebook:anchor': z.enum(['anchored', 'moved', 'fuzzy', 'orphaned']),
});
const Collection = z.strictObject({
  '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
  id: z.string().regex(/^urn:\S+$/),
  type: z.literal('AnnotationCollection'),
  label: z.string().min(1),
  total: z.number().int().nonnegative(),
  first: z.strictObject({
    id: z.string().regex(/^urn:\S+$/),
    type: z.literal('AnnotationPage'),
    partOf: z.string(),
    startIndex: z.literal(0),
    items: z.array(Annotation),
  }),
});
type W3cAnnotation = z.infer<typeof Annotation>;

function collectionOf(content: string) {
  return Collection.parse(JSON.parse(content));
}

const itemFor = (items: W3cAnnotation[], id: string) => {
  const item = items.find((i) => i.id === `urn:uuid:${id}`);
  if (!item) throw new Error(`no item for ${id}`);
  return item;
};

describe('W3C Web Annotation export', () => {
  const file = renderExport(articleRequest('w3c'));
  const collection = collectionOf(file.content);
  const { items } = collection.first;

  it('is one compact JSON-LD AnnotationCollection', () => {
    expect(file.fileName).toBe('rufat-mammadov-we-increase-ties-2026-11-29.jsonld');
    expect(file.mimeType).toBe('application/ld+json');
    expect(file.content.startsWith('{"@context":"http://www.w3.org/ns/anno.jsonld",')).toBe(true);
    expect(file.content.endsWith('}\n')).toBe(true);
    expect(collection.label).toBe(TIES.title);
    expect(collection.total).toBe(TIES_ANNOTATIONS.length);
    expect(collection.first.partOf).toBe(collection.id);
    expect(items.map((i) => i.id)).toEqual(TIES_ANNOTATIONS.map((a) => `urn:uuid:${a.id}`));
  });

  it('carries dates, tags as tagging bodies and comments as Markdown commenting bodies', () => {
    const quoted = itemFor(items, QUOTED.id);
    expect(quoted.created).toBe(QUOTED.createdAt);
    expect(quoted.modified).toBe(QUOTED.updatedAt);
    expect(quoted.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: FOREIGN_POLICY.name },
      { type: 'TextualBody', purpose: 'tagging', value: DIPLOMACY.name },
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: QUOTED.comment,
        format: 'text/markdown',
      },
    ]);
    // A tag id missing from the codebook is skipped, not exported as an empty tag.
    expect(itemFor(items, AFTER_EMOJI.id).body?.map((b) => b.value)).toEqual([
      FOREIGN_POLICY.name,
      AFTER_EMOJI.comment,
    ]);
    // Nothing to say, no body at all (the model allows an annotation without one).
    expect(itemFor(items, PHONE.id).body).toBeUndefined();
  });

  it('targets the article URL, or a URN when the source is not a web address', () => {
    expect(itemFor(items, QUOTED.id).target.source).toBe(TIES.source);
    const notebook = collectionOf(renderExport(notebookRequest('w3c')).content);
    const note = notebook.first.items.find((i) => i.id.endsWith(NOTES_ANNOTATIONS[0]!.id));
    expect(note?.target.source).toBe(`urn:notebook:article:${NOTES.id}`);
  });

  it('counts positions in code points, so an emoji before a passage shifts it', () => {
    const item = itemFor(items, AFTER_EMOJI.id);
    const [quote, position] = item.target.selector;
    expect(quote.exact).toBe('Both sides signed');
    // 🤝🏽 is two code points but four UTF-16 units.
    expect(position?.start).toBe(AFTER_EMOJI.selectors[0].start - 2);
    expect(Array.from(TIES.text).slice(position?.start, position?.end).join('')).toBe(quote.exact);
  });

  it('gives every positioned item a quote that agrees with its position and the text', () => {
    const chars = Array.from(TIES.text);
    for (const item of items) {
      const [quote, position] = item.target.selector;
      if (!position) continue;
      expect(chars.slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(
        chars.slice(position.start - Array.from(quote.prefix).length, position.start).join(''),
      ).toBe(quote.prefix);
      expect(TIES.text).toContain(quote.prefix + quote.exact + quote.suffix);
    }
    expect(itemFor(items, MULTILINE.id).target.selector[0].exact).toBe(
      'We increase ties,\nnot walls."\n\nƏməkdaşlıq, şəffaflıq',
    );
  });

  it('keeps only the quote of an orphan, and says it is orphaned', () => {
    const orphan = itemFor(items, ORPHAN.id);
    expect(orphan.target.selector).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: ORPHAN.selectors[1].exact,
        prefix: ORPHAN.selectors[1].prefix,
        suffix: ORPHAN.selectors[1].suffix,
      },
    ]);
    expect(orphan['urn:notebook:anchor']).toBe('orphaned');
    expect(itemFor(items, MULTILINE.id)['urn:notebook:anchor']).toBe('moved');
  });

  it('labels a filtered notebook and includes every article', () => {
    const notebook = collectionOf(
      renderExport(notebookRequest('w3c', { tagFilter: [FOREIGN_POLICY, DIPLOMACY] })).content,
    );
    expect(notebook.label).toBe(
      'Research notebook (tags: foreign policy, Azərbaycan diplomatiyası)',
    );
    expect(notebook.id).toBe(`urn:notebook:export:notebook:${EXPORTED_AT.toISOString()}`);
    expect(notebook.total).toBe(TIES_ANNOTATIONS.length + NOTES_ANNOTATIONS.length);
    expect(notebook.first.items).toHaveLength(notebook.total);
  });

  it('still names an annotation whose id is not a UUID', () => {
    const odd = { ...PHONE, id: 'legacy_42' };
    const request = articleRequest('w3c', { articles: [{ article: TIES, annotations: [odd] }] });
    const json = JSON.parse(renderExport(request).content) as {
      first: { items: { id: string }[] };
    };
    expect(json.first.items[0]?.id).toBe('urn:notebook:annotation:legacy_42');
  });
});
