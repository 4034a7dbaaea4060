import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { frontMatter, yamlString } from '../../../../electron/core/export/front-matter';

/** Front matter as a YAML reader sees it. */
const read = (block: string) => load(block.replace(/^---\n|\n---$/g, ''));

describe('yamlString', () => {
  it('reads back every BMP character but surrogates, and astral ones', () => {
    const values: string[] = ['🤝🏽 𝔸'];
    for (let code = 0; code <= 0xffff; code++) {
      if (code < 0xd800 || code > 0xdfff) values.push(`a${String.fromCharCode(code)}b`);
    }
    const read = load(`v:\n${values.map((v) => `  - ${yamlString(v)}`).join('\n')}`);
    expect(read).toEqual({ v: values });
  });

  it('keeps line breaks YAML would fold (NEL, LS, PS) and never writes one raw', () => {
    for (const value of ['tab\tnew\nline\r', 'nel\u0085ls\u2028ps\u2029', '  edges  ']) {
      expect(load(`v: ${yamlString(value)}`)).toEqual({ v: value });
      expect(yamlString(value)).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
    }
  });
});

describe('frontMatter', () => {
  it('writes lists one item a line and leaves out empty values', () => {
    const block = frontMatter([
      ['title', 'T: "x"'],
      ['author', ['A, B', '- C']],
      ['date', ''],
      ['tags', []],
    ]);
    expect(block).toBe('---\ntitle: "T: \\"x\\""\nauthor:\n  - "A, B"\n  - "- C"\n---');
    expect(read(block)).toEqual({ title: 'T: "x"', author: ['A, B', '- C'] });
  });
});
