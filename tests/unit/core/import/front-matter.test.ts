// YAML front matter in Markdown: metadata in the shapes Obsidian, Jekyll and Pandoc write it,
// never article text; and a file that only looks like it keeps its text.
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/import/index';
import { splitFrontMatter } from '../../../../electron/core/import/front-matter';
import { blockTexts, expectValidDocument } from './expect-valid-document';

const md = async (source: string, name = 'note.md') => {
  const { doc } = await importFile(name, new TextEncoder().encode(source));
  expectValidDocument(doc);
  return doc;
};

describe('front matter', () => {
  it('Obsidian Web Clipper: linked authors, published, source, tags ignored', async () => {
    const doc = await md(`---
title: "Xəzər limanı: yeni mövsüm 🚢"
source: "https://news.example.az/en/economy/port"
author:
  - "[[Leyla Əliyeva]]"
  - "[[Ramil Ağayev|R. Ağayev]]"
published: 2024-03-14
created: 2024-03-20
tags:
  - clippings
---

Gəmi Şuşa və Ağdam üçün yük daşıdı. 🇦🇿
`);
    expect(doc.title).toBe('Xəzər limanı: yeni mövsüm 🚢');
    expect(doc.details).toEqual({
      authors: ['Leyla Əliyeva', 'R. Ağayev'],
      published: '2024-03-14',
      source: 'https://news.example.az/en/economy/port',
    });
    expect(doc.text).toBe('Gəmi Şuşa və Ağdam üçün yük daşıdı. 🇦🇿');
  });

  it('Jekyll: a timestamp becomes its calendar date, not shifted to UTC', async () => {
    const doc = await md(`---
layout: post
title:  Ferry link reopens
date:   2019-05-04 23:30:00 -0500
author: Nigar Hasanova
categories: [economy, transport]
url: https://example.org/2019/05/04/ferry
---
# Ferry link reopens

The service resumed.
`);
    expect(doc.title).toBe('Ferry link reopens');
    expect(doc.details).toEqual({
      authors: ['Nigar Hasanova'],
      published: '2019-05-04',
      source: 'https://example.org/2019/05/04/ferry',
    });
    expect(blockTexts(doc)[0]).toEqual({ type: 'heading', level: 1, text: 'Ferry link reopens' });
    expect(doc.text).not.toContain('layout');
  });

  it('Pandoc: ended by "...", authors as a list or with names, a date in words', async () => {
    const doc = await md(`---
title: 'Notes on the Middle Corridor'
author:
  - name: Leyla Aliyeva
    affiliation: ADA University
  - Smith, J.
date: May 2019
...

Text after the metadata.
`);
    expect(doc.title).toBe('Notes on the Middle Corridor');
    expect(doc.details).toEqual({ authors: ['Leyla Aliyeva', 'Smith, J.'], published: 'May 2019' });
    expect(doc.text).toBe('Text after the metadata.');
  });

  it('ignores values that are not text, and keys in any case', async () => {
    const doc = await md(`---
Title: 1984
author: [42, true, "Real Name", {name: 7}]
date: false
source: [not, a, string]
link: https://example.org/page
---
# The heading

Body.
`);
    expect(doc.title).toBe('The heading');
    expect(doc.details).toEqual({ authors: ['Real Name'], source: 'https://example.org/page' });
  });

  it('takes a year written as a number as the date, and works with CRLF line ends', async () => {
    const doc = await md('---\r\ntitle: Yearbook\r\ndate: 1998\r\n---\r\nBody.\r\n');
    expect(doc.title).toBe('Yearbook');
    expect(doc.details).toEqual({ published: '1998' });
    expect(doc.text).toBe('Body.');
  });

  it('drops empty front matter, and sets no details when there are none', async () => {
    const doc = await md('---\n---\n# Only a heading\n\nBody.');
    expect(doc.text).toBe('Only a heading\n\nBody.');
    expect(doc.details).toBeUndefined();
    expect((await md('---\ntitle: T\n---\nBody.')).details).toBeUndefined();
  });

  it('drops malformed front matter without crashing, and the title comes from the text', async () => {
    const doc = await md('---\ntitle: [unclosed\nauthor: x\n---\nFirst line of text\n');
    expect(doc.title).toBe('First line of text');
    expect(doc.text).toBe('First line of text');
    expect(doc.details).toBeUndefined();
  });

  it('loads safely: no code, no unknown tags, no alias bombs', async () => {
    const fn = await md('---\ntitle: !!js/function "function () { return 1 }"\n---\nBody.');
    expect(fn.text).toBe('Body.');
    expect(fn.title).toBe('Body.');
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = await md(`---\n${laughs.join('\n')}\n---\nStill here.`);
    expect(bomb.text).toBe('Still here.');
  });
});

describe('what is not front matter', () => {
  it('a document that merely starts with a horizontal rule', async () => {
    const doc = await md('---\n\nThe text after a rule.\n\nMore text.');
    expect(doc.text).toBe('The text after a rule.\n\nMore text.');
    expect(doc.title).toBe('The text after a rule.');
  });

  it('text between two rules: valid YAML, but not a mapping', async () => {
    const doc = await md('---\nA paragraph between two rules.\n---\n\nAfter.');
    // markdown-it reads "text\n---" as a setext heading: the text is kept either way.
    expect(doc.text).toBe('A paragraph between two rules.\n\nAfter.');
  });

  it('prose with a colon between two rules, which is not valid YAML', async () => {
    const doc = await md('---\nHe said: yes: we will go.\n---\n\nAfter.');
    expect(doc.text).toContain('He said: yes: we will go.');
  });

  it('a block that is not at the very start', () => {
    const source = '\n---\ntitle: Late\n---\nBody';
    expect(splitFrontMatter(source)).toEqual({ body: source });
  });
});
