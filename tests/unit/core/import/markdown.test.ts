// Markdown import: structure and inline marks from markdown-it tokens, and what must not survive.
import { beforeAll, describe, expect, it } from 'vitest';
import { NotebookError } from '../../../../electron/core/errors';
import { importFile, type ImportedDocument } from '../../../../electron/core/import/index';
import type { CanonicalDocument } from '../../../../electron/shared/model';
import { blockTexts, expectValidDocument, fixture, links, marked } from './expect-valid-document';

const md = async (source: string, name = 'note.md') => {
  const imported = await importFile(name, new TextEncoder().encode(source));
  expectValidDocument(imported.doc);
  return imported.doc;
};

describe('markdown import of a real article', () => {
  let imported: ImportedDocument;
  let doc: CanonicalDocument;
  beforeAll(async () => {
    imported = await importFile('article.md', fixture('article.md'));
    doc = imported.doc;
  });

  it('is a valid document titled by its first heading, sourced by file name', () => {
    expectValidDocument(doc);
    expect(imported).toMatchObject({ format: 'markdown', source: 'article.md' });
    expect(doc.title).toBe('Notes on the Middle Corridor');
  });

  it('keeps the block structure', () => {
    expect(blockTexts(doc)).toEqual([
      { type: 'heading', level: 1, text: 'Notes on the Middle Corridor' },
      {
        type: 'paragraph',
        text: 'The Middle Corridor links China with Europe through Kazakhstan, the Caspian Sea and the South Caucasus. It avoids Russia entirely.',
      },
      {
        type: 'paragraph',
        text: 'Read the World Bank report first, not the dashboard or the local copy.',
      },
      {
        type: 'quote',
        text: 'Transit volumes tripled in 2022. Most of the growth came from containers.',
      },
      { type: 'heading', level: 2, text: 'Key facts' },
      { type: 'list-item', level: 1, text: 'Ports: Aktau, Kuryk, Baku (Alat)' },
      { type: 'list-item', level: 1, text: 'Rail links:' },
      { type: 'list-item', level: 2, text: 'Baku–Tbilisi–Kars' },
      { type: 'list-item', level: 2, text: 'Kars–Istanbul' },
      { type: 'list-item', level: 1, text: 'Bottleneck: ferry capacity' },
      { type: 'paragraph', text: 'Inline HTML like this span keeps its words, but does not.' },
      { type: 'paragraph', text: 'A raw HTML block keeps its text.' },
      { type: 'code', text: 'def tonnes(volume):\n    return volume * 1.5' },
      { type: 'paragraph', text: 'Map of the corridor' },
      { type: 'paragraph', text: 'Şəhər 🚢 Bakı and code\nafter a hard break.' },
    ]);
  });

  it('marks exactly the emphasised, strong and code words, after an emoji too', () => {
    expect(marked(doc, 'em')).toEqual(['Middle Corridor', 'Bakı']);
    expect(marked(doc, 'strong')).toEqual(['Kazakhstan', 'HTML']);
    expect(marked(doc, 'code')).toEqual(['code']);
  });

  it('keeps only http(s) links; refused and relative links keep their text', () => {
    expect(links(doc)).toEqual([
      { text: 'World Bank report', href: 'https://www.worldbank.org/en/topic/transport' },
    ]);
  });

  it('drops raw HTML tags and script content', () => {
    expect(doc.text).not.toMatch(/<|>|alert|script|class=/);
  });
});

describe('markdown import rules', () => {
  it('turns soft breaks into spaces and hard breaks into \\n', async () => {
    const doc = await md('one\ntwo  \nthree\\\nfour');
    expect(doc.text).toBe('one two\nthree\nfour');
  });

  it('judges every link by its parsed URL', async () => {
    const doc = await md(
      [
        '[a](JaVaScRiPt:alert(1)) [b](mailto:desk@example.org) [c](data:text/html,x)',
        '[d](vbscript:x) <https://auto.example/link> [e](#top) [f](HTTP://EXAMPLE.ORG)',
      ].join('\n'),
    );
    expect(doc.text).toBe('a b c d https://auto.example/link e f');
    expect(links(doc)).toEqual([
      { text: 'b', href: 'mailto:desk@example.org' },
      { text: 'https://auto.example/link', href: 'https://auto.example/link' },
      { text: 'f', href: 'http://example.org/' },
    ]);
  });

  it('nests marks and keeps the link inside emphasis', async () => {
    const doc = await md('***both*** and _[linked](https://example.org/) words_');
    expect(doc.text).toBe('both and linked words');
    expect(marked(doc, 'em')).toEqual(['both', 'linked words']);
    expect(marked(doc, 'strong')).toEqual(['both']);
    expect(marked(doc, 'link')).toEqual(['linked']);
  });

  it('gives list items their nesting depth, inside quotes too, and quotes their paragraphs', async () => {
    const doc = await md(
      '> quoted\n>\n> - in quote\n>   1. deeper\n\n1. first\n\n   second paragraph',
    );
    expect(blockTexts(doc)).toEqual([
      { type: 'quote', text: 'quoted' },
      { type: 'list-item', level: 1, text: 'in quote' },
      { type: 'list-item', level: 2, number: 1, text: 'deeper' },
      { type: 'list-item', level: 1, number: 1, text: 'first' },
      // The item's number is on its first paragraph only.
      { type: 'list-item', level: 1, text: 'second paragraph' },
    ]);
  });

  it('keeps indented code verbatim', async () => {
    const doc = await md('Intro\n\n    a  =  1\n      b\n');
    expect(blockTexts(doc)[1]).toEqual({ type: 'code', text: 'a  =  1\n  b' });
  });

  it('titles by the first heading, else the first line', async () => {
    expect((await md('Intro line\nmore\n\n## Later heading')).title).toBe('Later heading');
    expect((await md('First line here  \nsecond\n\nBody')).title).toBe('First line here');
  });

  it('refuses Markdown with nothing readable in it', async () => {
    const source = new TextEncoder().encode('<!-- only a comment -->\n\n<script>x()</script>\n');
    await expect(importFile('empty.md', source)).rejects.toThrow(NotebookError);
    await expect(importFile('empty.md', source)).rejects.toThrow(
      'The file “empty.md” has no readable text.',
    );
  });
});
