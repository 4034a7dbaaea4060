// Reading a body file in slices (body-read.ts) must give exactly what JSON.parse of the whole file
// gives, for every body this version writes, and hand anything else to the whole-file reading
// (undefined), whose schema refuses it or says a newer app wrote it.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookStore } from '../../../../electron/core/store';
import { parseCanonicalBody, sha256InSlices } from '../../../../electron/core/store/body-read';
import { canonicalBody } from '../../../../electron/core/store/bodies';
import { BLOCK_TYPES, PLACE_KINDS, type ArticleBody } from '../../../../electron/shared/model';
import { makeTempDir } from '../../../fixtures/store/notebook-fixtures';

/** Text full of what JSON escapes or cuts could trip on: quotes, backslashes, `},{`, emoji. */
const awkwardText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(
        ' ',
        '"',
        '\\',
        '\\"',
        '},{',
        '}],"marks":[',
        '\n',
        '\t',
        'ə',
        'Ж',
        '😀',
        '\u2028',
        '\u0001',
      ),
      // A lone surrogate: JSON.stringify writes it as an escape.
      fc.constantFrom('\ud800', '\udfff'),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const offset = fc.nat({ max: 5000 });

const block = fc.record(
  {
    type: fc.constantFrom(...BLOCK_TYPES),
    level: fc.integer({ min: 1, max: 6 }),
    number: fc.integer({ min: -3, max: 99 }),
    header: fc.constant(true as const),
    start: offset,
    end: offset,
  },
  { requiredKeys: ['type', 'start', 'end'] },
);

const mark = fc.record(
  {
    type: fc.constantFrom('em' as const, 'strong' as const, 'code' as const, 'link' as const),
    start: offset,
    end: offset,
    href: awkwardText,
  },
  { requiredKeys: ['type', 'start', 'end'] },
);

const place = fc.record({
  kind: fc.constantFrom(...PLACE_KINDS),
  label: awkwardText.filter((l) => l.length > 0),
  start: offset,
});

const anyBody: fc.Arbitrary<ArticleBody> = fc
  .record({
    text: awkwardText,
    blocks: fc.array(block, { maxLength: 40 }),
    marks: fc.array(mark, { maxLength: 20 }),
    places: fc.option(fc.array(place, { minLength: 1, maxLength: 6 }), { nil: undefined }),
  })
  .map(({ places, ...rest }) => ({ ...rest, ...(places && { places }) }));

const bytesOf = (b: ArticleBody) => Buffer.from(canonicalBody(b).json, 'utf8');

describe('parseCanonicalBody', () => {
  it('gives what JSON.parse gives for every body canonicalBody writes, however it is cut', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, fc.integer({ min: 1, max: 64 }), async (b, pieceBytes) => {
        const bytes = bytesOf(b);
        // Tiny pieces, so nearly every cut falls somewhere awkward.
        expect(await parseCanonicalBody(bytes, pieceBytes)).toEqual(
          JSON.parse(bytes.toString('utf8')),
        );
      }),
      { numRuns: 400 },
    );
  });

  it("gives what JSON.parse gives or nothing when a string holds an array's closing", async () => {
    const closing = fc.constantFrom('}],"places":[', '}]}', '"]}');
    const withClosing = fc.tuple(anyBody, closing).map(([b, c]): ArticleBody => ({
      ...b,
      marks: [{ type: 'link', start: 0, end: 1, href: c }],
    }));
    await fc.assert(
      fc.asyncProperty(withClosing, async (b) => {
        const bytes = bytesOf(b);
        const read = await parseCanonicalBody(bytes, 8);
        if (read !== undefined) expect(read).toEqual(JSON.parse(bytes.toString('utf8')));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a long article in its default pieces', async () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i}: “ə Ж” \\ "x" 😀.`);
    const text = paragraphs.join('\n\n');
    let at = 0;
    const b: ArticleBody = {
      text,
      blocks: paragraphs.map((p, i) => {
        const start = at;
        at += p.length + 2;
        return i % 100 === 0
          ? { type: 'heading', level: 2, start, end: start + p.length }
          : { type: 'paragraph', start, end: start + p.length };
      }),
      marks: [{ type: 'link', start: 0, end: 4, href: 'https://example.org/?a={"b":[1]},{' }],
      places: [{ kind: 'page', label: '1', start: 0 }],
    };
    const bytes = bytesOf(b);
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect(await parseCanonicalBody(bytes)).toEqual(b);
  });

  it('hands anything not in the exact canonical shape to the whole-file reading', async () => {
    const good = { text: 'Hi there', blocks: [{ type: 'paragraph', start: 0, end: 8 }], marks: [] };
    const variants = [
      // Another key order, white space, a key unknown to this version, a value it doesn't know
      // (a newer app's block type: the schema then says "update the app").
      '{"blocks":[],"text":"Hi","marks":[]}',
      '{"text": "Hi","blocks":[],"marks":[]}',
      JSON.stringify({ ...good, extra: 1 }),
      JSON.stringify({ ...good, blocks: [{ type: 'figure', start: 0, end: 8 }] }),
      JSON.stringify({ ...good, blocks: [{ type: 'paragraph', start: 0, end: 8, note: 'x' }] }),
      JSON.stringify({ ...good, blocks: [{ type: 'paragraph', start: -1, end: 8 }] }),
      JSON.stringify({ ...good, marks: [{ type: 'em', start: 0, end: 2, href: 3 }] }),
      JSON.stringify({ ...good, places: [] }),
      JSON.stringify({ ...good, places: [{ kind: 'page', label: '', start: 0 }] }),
      JSON.stringify({ text: 'Hi', blocks: [] }),
      // Damage: cut short, a trailing byte, an unterminated text.
      JSON.stringify(good).slice(0, -1),
      `${JSON.stringify(good)} `,
      '{"text":"Hi',
      '',
    ];
    for (const json of variants) {
      expect(await parseCanonicalBody(Buffer.from(json, 'utf8'), 4), json).toBeUndefined();
    }
  });
});

describe('sha256InSlices', () => {
  it('is the sha-256 of the whole', async () => {
    const bytes = Buffer.from('ə'.repeat(700_000), 'utf8');
    expect(await sha256InSlices(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await sha256InSlices(Buffer.alloc(0))).toBe(createHash('sha256').digest('hex'));
  });
});

describe('a body read through the store', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('reads a body the pieces cannot take, whole, as it was written', async () => {
    const b: ArticleBody = {
      text: 'Sources',
      blocks: [{ type: 'paragraph', start: 0, end: 7 }],
      marks: [{ type: 'link', start: 0, end: 7, href: 'https://example.org/#}]}' }],
    };
    const store = await openNotebookStore(dir);
    const hash = await store.putBody(b);
    await store.close();
    const reopened = await openNotebookStore(dir);
    expect(await reopened.getBody(hash)).toEqual(b);
    await reopened.close();
  });
});
