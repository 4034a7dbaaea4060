// What the notebook schema lets through: every field's type, not the relations between records;
// and the quick annotation check, which must never accept what the full schema would not.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  copyCanonicalAnnotation,
  isCanonicalAnnotation,
} from '../../../../electron/core/store/fast-check';
import {
  changeSchema,
  checkNotebook,
  notebookSchema,
} from '../../../../electron/core/store/schema';
import { annotation } from '../../../fixtures/store/notebook-fixtures';

type Json = Record<string, unknown>;

const fixture = (): Json =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../fixtures/store/notebook-v2.json', import.meta.url)),
      'utf8',
    ),
  ) as Json;

/** Sets (or, for undefined, deletes) the value at `path` inside parsed JSON. */
function setPath(data: Json, path: (string | number)[], value: unknown): Json {
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Json)[key], data);
  const key = path.at(-1);
  if (key === undefined) throw new Error('empty path');
  if (value === undefined) delete (parent as Json)[key];
  else (parent as Json)[key] = value;
  return data;
}

const breakages: [string, (string | number)[], unknown][] = [
  ['a fractional offset', ['annotations', 0, 'selectors', 0, 'end'], 14.5],
  ['a negative offset', ['annotations', 0, 'selectors', 0, 'start'], -1],
  ['an offset given as a string', ['annotations', 0, 'selectors', 0, 'start'], '15'],
  ['an offset beyond safe integers', ['annotations', 0, 'selectors', 0, 'end'], 2 ** 60],
  ['a colour that is not #rrggbb', ['tags', 0, 'color'], 'green'],
  ['a short colour', ['tags', 0, 'color'], '#6c4'],
  ['an unknown anchor state', ['annotations', 0, 'anchor'], 'lost'],
  ['a revision of 0', ['annotations', 0, 'revision'], 0],
  ['a missing revision', ['annotations', 0, 'revision'], undefined],
  ['a candidate without an end', ['annotations', 0, 'candidate'], { start: 1 }],
  ['a null candidate', ['annotations', 0, 'candidate'], null],
  ['an empty tag id on an annotation', ['annotations', 0, 'tagIds', 0], ''],
  ['an unknown article format', ['articles', 0, 'format'], 'rtf'],
  ['a body hash that is not sha-256 hex', ['articles', 0, 'revisions', 0, 'bodyHash'], 'abc'],
  ['an unknown revision reason', ['articles', 0, 'revisions', 0, 'reason'], 'magic'],
  [
    'selectors in the wrong order',
    ['annotations', 0, 'selectors'],
    [
      { type: 'TextQuoteSelector', exact: 'W', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 15, end: 16 },
    ],
  ],
  ['a third selector', ['annotations', 0, 'selectors', 2], { type: 'TextPositionSelector' }],
  ['a missing memo', ['articles', 0, 'memo'], undefined],
  ['an empty id', ['tags', 0, 'id'], ''],
  ['a null tag list', ['tags'], null],
  ['a null annotation', ['annotations', 0], null],
  ['a version other than 2', ['version'], 1],
  ['a negative journalSeq', ['journalSeq'], -1],
  ['sampleSeeded as a string', ['sampleSeeded'], 'yes'],
];

describe('notebookSchema', () => {
  it('accepts the format 2 fixture unchanged', () => {
    expect(notebookSchema.parse(fixture())).toEqual(fixture());
  });

  it.each(breakages)('refuses %s', (_, path, value) => {
    expect(notebookSchema.safeParse(fixture()).success).toBe(true);
    expect(notebookSchema.safeParse(setPath(fixture(), path, value)).success).toBe(false);
  });

  it('drops unknown fields instead of refusing the notebook', () => {
    const data = setPath(setPath(fixture(), ['articles', 0, 'stray'], 1), ['extra'], { x: 1 });
    const parsed = notebookSchema.parse(data);
    expect(parsed).toEqual(fixture());
    expect('stray' in (parsed.articles[0] ?? {})).toBe(false);
  });

  it('reads a format 2 file written before the codebook tree and analysts as flat, with none', () => {
    const data = fixture();
    for (const name of ['whenToUse', 'whenNotToUse', 'example'])
      setPath(data, ['tags', 0, name], undefined);
    setPath(data, ['analysts'], undefined);
    setPath(data, ['codebookLog'], undefined);
    const parsed = notebookSchema.parse(data);
    expect(parsed).toEqual(fixture());
    expect(parsed.tags[0]).not.toHaveProperty('parentId');
    expect(parsed).not.toHaveProperty('analystId');
  });

  it('keeps analysts, who is coding, the change log and a tag’s place in the tree', () => {
    const data = setPath(fixture(), ['tags', 1], {
      ...(fixture().tags as Json[])[0],
      id: 't2',
      name: 'Interviews',
      parentId: 't1',
      whenToUse: 'Passages about interviews.',
      createdBy: 'a1',
    });
    setPath(
      data,
      ['analysts'],
      [
        {
          id: 'a1',
          name: 'Leyla Aliyeva',
          initials: 'LA',
          color: '#7aa7f0',
          createdAt: '2024-05-01T10:00:00.000Z',
        },
      ],
    );
    setPath(data, ['analystId'], 'a1');
    setPath(
      data,
      ['codebookLog'],
      [
        {
          id: 'e1',
          at: '2024-05-01T10:05:00.000Z',
          by: 'a1',
          operation: 'move',
          tagId: 't2',
          path: 'Interviews',
          to: 'Method',
        },
      ],
    );
    setPath(data, ['annotations', 0, 'createdBy'], 'a1');
    expect(notebookSchema.parse(data)).toEqual(data);
  });

  it.each([
    ['an analyst without a name', ['analysts', 0, 'name'], ''],
    ['an analyst colour that is not #rrggbb', ['analysts', 0, 'color'], 'blue'],
    ['a log entry without a tag', ['codebookLog', 0, 'tagId'], undefined],
    ['an empty creator on an annotation', ['annotations', 0, 'createdBy'], ''],
  ] as const)('refuses %s', (_, path, value) => {
    const data = fixture();
    setPath(
      data,
      ['analysts'],
      [
        {
          id: 'a1',
          name: 'Leyla',
          initials: 'L',
          color: '#7aa7f0',
          createdAt: '2024-05-01T10:00:00.000Z',
        },
      ],
    );
    setPath(
      data,
      ['codebookLog'],
      [
        {
          id: 'e1',
          at: '2024-05-01T10:05:00.000Z',
          operation: 'create',
          tagId: 't1',
          path: 'Method',
        },
      ],
    );
    expect(notebookSchema.safeParse(data).success).toBe(true);
    expect(notebookSchema.safeParse(setPath(data, [...path], value)).success).toBe(false);
  });

  it('reads a format 2 file written before articles had details as having none', () => {
    const data = fixture();
    // Details came in steps: authors and date, the citation fields, then the attributes.
    for (const name of ['authors', 'published', 'publication', 'url', 'doi', 'attributes']) {
      setPath(data, ['articles', 0, name], undefined);
    }
    const parsed = notebookSchema.parse(data);
    expect(parsed).toEqual(fixture());
    expect(parsed.articles[0]).toMatchObject({
      authors: [],
      published: '',
      publication: '',
      url: '',
      doi: '',
      attributes: {},
    });
  });

  it('keeps the encoding a legacy file was decoded with, and refuses an unknown one', () => {
    const data = setPath(fixture(), ['articles', 0, 'encoding'], 'windows-1252');
    expect(notebookSchema.parse(data).articles[0]?.encoding).toBe('windows-1252');
    const unknown = setPath(fixture(), ['articles', 0, 'encoding'], 'ebcdic-xyz');
    expect(notebookSchema.safeParse(unknown).success).toBe(false);
  });

  it('does not check relations between records (those are repaired, not quarantined)', () => {
    const data = setPath(fixture(), ['annotations', 0, 'articleId'], 'no-such-article');
    setPath(data, ['annotations', 0, 'selectors', 0, 'end'], 1_000_000);
    setPath(data, ['annotations', 0, 'revision'], 7);
    expect(notebookSchema.safeParse(data).success).toBe(true);
  });
});

describe('checkNotebook', () => {
  const variants: [string, Json][] = [
    ['the fixture', fixture()],
    [
      'a fuzzy annotation with a candidate',
      setPath(
        setPath(fixture(), ['annotations', 0, 'anchor'], 'fuzzy'),
        ['annotations', 0, 'candidate'],
        { start: 3, end: 9 },
      ),
    ],
    ['an extra key on an annotation', setPath(fixture(), ['annotations', 0, 'stray'], 1)],
    ['an extra key on a selector', setPath(fixture(), ['annotations', 0, 'selectors', 1, 'x'], 1)],
    [
      'an extra key on a candidate',
      setPath(fixture(), ['annotations', 0, 'candidate'], { start: 1, end: 2, x: 3 }),
    ],
    [
      'a __proto__ key',
      JSON.parse(
        JSON.stringify(fixture()).replace('"id":"b7e2"', '"__proto__":{},"id":"b7e2"'),
      ) as Json,
    ],
    ['no annotations at all', setPath(fixture(), ['annotations'], [])],
    ['no annotations key', setPath(fixture(), ['annotations'], undefined)],
    ...breakages.map(([name, path, value]): [string, Json] => [
      name,
      setPath(fixture(), path, value),
    ]),
  ];

  it.each(variants)('agrees with the full schema on %s', (_, data) => {
    const full = notebookSchema.safeParse(structuredClone(data));
    const quick = checkNotebook(structuredClone(data));
    expect(quick.success).toBe(full.success);
    if (quick.success) expect(quick.data).toEqual(full.data);
  });

  it('takes the quick path for annotations in the shape the store writes', () => {
    expect(isCanonicalAnnotation(annotation('n1', 'a1', ['t1']))).toBe(true);
    expect(
      isCanonicalAnnotation({ ...annotation('n1', 'a1'), candidate: { start: 0, end: 1 } }),
    ).toBe(true);
    expect(isCanonicalAnnotation({ ...annotation('n1', 'a1'), extra: 1 })).toBe(false);
  });
});

describe('copyCanonicalAnnotation', () => {
  it('gives what a JSON round trip gives, key order included, sharing nothing', () => {
    const records = [
      annotation('n1', 'a1', ['t1', 't2']),
      {
        ...annotation('n2', 'a1', ['t1']),
        candidate: { start: 3, end: 9 },
        createdBy: 'an1',
        comment: 'ə ş \ud83c\udf0d "quoted" \n and a lone \ud800',
      },
    ];
    for (const record of records) {
      expect(isCanonicalAnnotation(record)).toBe(true);
      const copy = copyCanonicalAnnotation(record);
      const roundTrip = JSON.parse(JSON.stringify(record)) as unknown;
      expect(copy).toStrictEqual(roundTrip);
      expect(JSON.stringify(copy)).toBe(JSON.stringify(roundTrip));
      expect(copy.selectors).not.toBe(record.selectors);
      expect(copy.selectors[0]).not.toBe(record.selectors[0]);
      expect(copy.selectors[1]).not.toBe(record.selectors[1]);
      expect(copy.tagIds).not.toBe(record.tagIds);
      if ('candidate' in record) expect(copy.candidate).not.toBe(record.candidate);
    }
  });
});

describe('changeSchema', () => {
  it('accepts each kind of change and refuses a record in the wrong collection', () => {
    const n = annotation('n1', 'a1');
    expect(
      changeSchema.safeParse({ kind: 'put', collection: 'annotations', record: n }).success,
    ).toBe(true);
    expect(changeSchema.safeParse({ kind: 'put', collection: 'tags', record: n }).success).toBe(
      false,
    );
    expect(changeSchema.safeParse({ kind: 'delete', collection: 'tags', id: 't1' }).success).toBe(
      true,
    );
    expect(changeSchema.safeParse({ kind: 'delete', collection: 'bodies', id: 'x' }).success).toBe(
      false,
    );
    expect(changeSchema.safeParse({ kind: 'meta', key: 'sampleSeeded', value: true }).success).toBe(
      true,
    );
    expect(changeSchema.safeParse({ kind: 'meta', key: 'other', value: true }).success).toBe(false);
  });
});
