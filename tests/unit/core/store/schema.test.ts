// What the notebook schema lets through: every field's type, not the relations between records.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { notebookSchema } from '../../../../electron/core/store/schema';

type Json = Record<string, unknown>;

const fixture = (): Json =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../fixtures/store/notebook-v1.json', import.meta.url)),
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

describe('notebookSchema', () => {
  it('accepts the format 1 fixture unchanged', () => {
    expect(notebookSchema.parse(fixture())).toEqual(fixture());
  });

  const breakages: [string, (string | number)[], unknown][] = [
    ['a fractional offset', ['articles', 0, 'blocks', 0, 'end'], 14.5],
    ['a negative offset', ['annotations', 0, 'selectors', 0, 'start'], -1],
    ['an offset given as a string', ['articles', 0, 'marks', 0, 'start'], '15'],
    ['a colour that is not #rrggbb', ['tags', 0, 'color'], 'green'],
    ['a short colour', ['tags', 0, 'color'], '#6c4'],
    ['an unknown anchor state', ['annotations', 0, 'anchor'], 'lost'],
    ['an unknown block type', ['articles', 0, 'blocks', 0, 'type'], 'table'],
    ['a heading level of 0', ['articles', 0, 'blocks', 0, 'level'], 0],
    ['an unknown article format', ['articles', 0, 'format'], 'pdf'],
    [
      'selectors in the wrong order',
      ['annotations', 0, 'selectors'],
      [
        { type: 'TextQuoteSelector', exact: 'W', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 15, end: 16 },
      ],
    ],
    ['a missing memo', ['articles', 0, 'memo'], undefined],
    ['an empty id', ['tags', 0, 'id'], ''],
    ['a null tag list', ['tags'], null],
    ['a version other than 1', ['version'], 2],
    ['sampleSeeded as a string', ['sampleSeeded'], 'yes'],
  ];

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

  it('does not check relations between records (those are repaired, not quarantined)', () => {
    const data = setPath(fixture(), ['annotations', 0, 'articleId'], 'no-such-article');
    setPath(data, ['annotations', 0, 'selectors', 0, 'end'], 1_000_000);
    expect(notebookSchema.safeParse(data).success).toBe(true);
  });
});
