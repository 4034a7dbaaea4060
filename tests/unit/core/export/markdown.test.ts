import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../../electron/core/export';
import { blockquote, obsidianTag, yamlString } from '../../../../electron/core/export/markdown';
import {
  AFTER_EMOJI,
  articleRequest,
  DIPLOMACY,
  EXPORTED_AT,
  FOREIGN_POLICY,
  HASHTAG,
  MARKDOWNISH,
  MULTILINE,
  NOTES,
  notebookRequest,
  ORPHAN,
  PHONE,
  QUOTED,
  SETEXT,
  TIES,
  TIES_ANNOTATIONS,
} from './fixtures';

const md = new MarkdownIt();

/**
 * A strict reader for the front matter we promise: `---`, then `key: <JSON value>` lines (a JSON
 * string is a valid YAML double-quoted scalar), then `---`. Anything else fails the test.
 */
function readFrontMatter(content: string): { fields: Record<string, unknown>; body: string } {
  if (!content.startsWith('---\n')) throw new Error('no front matter');
  const end = content.indexOf('\n---\n', 3);
  const fields: Record<string, unknown> = {};
  for (const line of content.slice(4, end).split('\n')) {
    const match = /^([a-z][a-z-]*): ((?:"|\[").*)$/.exec(line);
    if (!match?.[1] || !match[2]) throw new Error(`not a front matter line: ${line}`);
    fields[match[1]] = JSON.parse(match[2]);
  }
  return { fields, body: content.slice(end + 5) };
}

/** Where each needle first appears; -1 fails the ordering check below. */
const positions = (haystack: string, needles: string[]) => needles.map((n) => haystack.indexOf(n));
const increasing = (xs: number[]) => xs.every((x, i) => x >= 0 && (i === 0 || x > xs[i - 1]!));

/** The text a reader sees in a rendered blockquote: paragraphs apart, soft breaks as newlines. */
function quotedText(markdown: string): { text: string; blockTypes: string[] } {
  const tokens = md.parse(markdown, {});
  const blockTypes = tokens.map((t) => t.type);
  const paragraphs = tokens
    .filter((t) => t.type === 'inline')
    .map((t) =>
      (t.children ?? []).map((c) => (c.type === 'softbreak' ? '\n' : c.content)).join(''),
    );
  return { text: paragraphs.join('\n\n'), blockTypes };
}

describe('Markdown export, one article', () => {
  const file = renderExport(articleRequest('markdown'));
  const { fields, body } = readFrontMatter(file.content);

  it('names and types the file', () => {
    expect(file.fileName).toBe('rufat-mammadov-we-increase-ties-2026-11-29.md');
    expect(file.mimeType).toBe('text/markdown');
  });

  it('opens with double-quoted front matter: title, source, exported-at', () => {
    expect(fields).toEqual({
      title: TIES.title,
      source: TIES.source,
      'exported-at': EXPORTED_AT.toISOString(),
    });
    expect(file.content).toMatch(/^---\ntitle: "Rüfət Məmmədov: We increase ties"\n/);
  });

  it('then the title, the memo and the passages in reading order', () => {
    expect(body.startsWith(`\n# ${TIES.title}\n\n## Memo\n\n${TIES.memo}\n\n## Passages\n\n`)).toBe(
      true,
    );
    const quotes = [
      '> Sazişin mətni, "gizli" qalır',
      '> "əlaqələri genişləndiririk, ticarəti artırırıq"',
      '> Both sides signed',
      '> We increase ties,\n> not walls."\n>\n> Əməkdaşlıq, şəffaflıq',
      '> +994 12 492 92 92',
    ];
    expect(increasing(positions(body, quotes))).toBe(true);
    expect(body.match(/^> /gm)).toHaveLength(TIES_ANNOTATIONS.length + 2);
  });

  it('follows each passage with its Obsidian tags and then its comment', () => {
    expect(body).toContain(
      `> "əlaqələri genişləndiririk, ticarəti artırırıq"\n\n` +
        `#foreign-policy #Azərbaycan-diplomatiyası\n\n${QUOTED.comment}\n\n`,
    );
    // The tag id missing from the codebook is skipped; the multi-line comment is kept as written.
    expect(body).toContain(`> Both sides signed\n\n#foreign-policy\n\n${AFTER_EMOJI.comment}\n\n`);
    expect(body).toContain(
      `> Əməkdaşlıq, şəffaflıq\n\n#Azərbaycan-diplomatiyası\n\n${MULTILINE.comment}\n`,
    );
    expect(body.endsWith('> +994 12 492 92 92\n')).toBe(true);
    expect(PHONE.tagIds).toEqual([]);
  });

  it('marks an orphan and quotes it as it was', () => {
    expect(body).toMatch(
      /> Sazişin mətni, "gizli" qalır\n\n\*\*Orphaned:\*\* [^\n]+\n\n#economy\n\nWhere did this/,
    );
    expect(ORPHAN.anchor).toBe('orphaned');
    expect(body.match(/Orphaned/g)).toHaveLength(1);
  });

  it('renders as one blockquote per passage', () => {
    const tokens = md.parse(body, {});
    expect(tokens.filter((t) => t.type === 'blockquote_open')).toHaveLength(
      TIES_ANNOTATIONS.length,
    );
    expect(tokens.filter((t) => t.type === 'heading_open').map((t) => t.tag)).toEqual([
      'h1',
      'h2',
      'h2',
    ]);
  });

  it('leaves the memo out when it is empty', () => {
    const request = articleRequest('markdown', {
      articles: [{ article: { ...TIES, memo: '  \n' }, annotations: [QUOTED] }],
    });
    expect(renderExport(request).content).not.toContain('## Memo');
  });

  it('lists the tag filter in the front matter', () => {
    const filtered = renderExport(
      articleRequest('markdown', { tagFilter: [FOREIGN_POLICY, DIPLOMACY] }),
    );
    expect(readFrontMatter(filtered.content).fields['tags']).toEqual([
      'foreign-policy',
      'Azərbaycan-diplomatiyası',
    ]);
  });
});

describe('Markdown export, whole notebook', () => {
  const file = renderExport(notebookRequest('markdown'));
  const { fields, body } = readFrontMatter(file.content);

  it('has a notebook front matter and file name', () => {
    expect(file.fileName).toBe('notebook-2026-11-29.md');
    expect(fields).toEqual({
      title: 'Research notebook',
      source: 'Research Notebook export',
      'exported-at': EXPORTED_AT.toISOString(),
    });
  });

  it('includes every article with its source, memo and passages', () => {
    expect(
      increasing(
        positions(body, [
          '# Research notebook\n',
          `## ${TIES.title}\n\nSource: <${TIES.source}>\n\n` +
            `### Memo\n\n${TIES.memo}\n\n### Passages\n`,
          '> Both sides signed',
          '## Field notes, "draft" \\#2\n\nSource: field-notes.txt\n\n### Passages\n',
          '> The hashtag',
        ]),
      ),
    ).toBe(true);
    const h2 = md
      .parse(body, {})
      .flatMap((t, i, all) =>
        t.type === 'heading_open' && t.tag === 'h2' ? [all[i + 1]?.content] : [],
      );
    expect(h2).toEqual([TIES.title, 'Field notes, "draft" \\#2']);
    expect(body.match(/^### Memo$/gm)).toHaveLength(1);
  });

  it('keeps passages that look like Markdown plain text inside their quote', () => {
    for (const a of [MARKDOWNISH, HASHTAG, SETEXT]) {
      const passage = NOTES.text.slice(a.selectors[0].start, a.selectors[0].end);
      const quote = blockquote(passage);
      expect(body).toContain(quote);
      const { text, blockTypes } = quotedText(quote);
      expect(blockTypes).toEqual([
        'blockquote_open',
        'paragraph_open',
        'inline',
        'paragraph_close',
        'blockquote_close',
      ]);
      expect(text).toBe(passage);
    }
    // Obsidian would read these as a tag and a comment opener.
    expect(body).toContain('\\#ƏlaqələrGücdür');
    expect(body).toContain('\\%\\% signs');
  });
});

describe('Markdown pieces', () => {
  it('cannot end the front matter from a passage or a title', () => {
    const title = 'Line one\n---\ntitle: "forged"\\';
    const request = articleRequest('markdown', {
      articles: [
        {
          article: { ...TIES, title, source: 'C:\\notes\\ties.txt' },
          annotations: [
            {
              ...QUOTED,
              anchor: 'orphaned',
              selectors: [QUOTED.selectors[0], { ...QUOTED.selectors[1], exact: 'x\n---\ny' }],
            },
          ],
        },
      ],
    });
    const { fields, body } = readFrontMatter(renderExport(request).content);
    expect(fields['title']).toBe(title);
    expect(fields['source']).toBe('C:\\notes\\ties.txt');
    expect(body).toContain('> x\n> \\---\n> y');
  });

  it('quotes multi-line passages line by line, blank lines as a bare >', () => {
    expect(blockquote('one\n\ntwo\r\nthree')).toBe('> one\n>\n> two\n> three');
    const { text } = quotedText(
      blockquote('1) first\n* star\n+ plus\n```js\n<div>\n| a | b |\n[x]: /y'),
    );
    expect(text).toBe('1) first\n* star\n+ plus\n```js\n<div>\n| a | b |\n[x]: /y');
  });

  it('escapes only line starts that need it', () => {
    expect(blockquote('- 5 is negative')).toBe('> \\- 5 is negative');
    expect(blockquote('-5 degrees, 3.5 times')).toBe('> -5 degrees, 3.5 times');
    expect(blockquote('2026. il')).toBe('> 2026\\. il');
    expect(blockquote('C# and F#')).toBe('> C# and F#');
  });

  it('writes YAML strings that JSON can read back', () => {
    for (const value of [
      'plain',
      'a "quote" \\ slash',
      'tab\tnew\nline',
      'nel\u0085ls\u2028',
      'ə 🤝',
    ]) {
      expect(JSON.parse(yamlString(value))).toBe(value);
      expect(yamlString(value)).not.toMatch(/[\n\u0085\u2028]/);
    }
  });

  it('turns tag names into Obsidian tags', () => {
    expect(obsidianTag('foreign policy')).toBe('foreign-policy');
    expect(obsidianTag('Azərbaycan diplomatiyası')).toBe('Azərbaycan-diplomatiyası');
    expect(obsidianTag('C++ & Rust!')).toBe('C-Rust');
    expect(obsidianTag('economy/trade')).toBe('economy/trade');
    expect(obsidianTag('1984')).toBe('_1984');
    expect(obsidianTag('?!')).toBe('');
  });

  it('closes a code fence a comment left open', () => {
    const request = articleRequest('markdown', {
      articles: [{ article: TIES, annotations: [{ ...QUOTED, comment: '```\ncode' }, PHONE] }],
    });
    const tokens = md.parse(readFrontMatter(renderExport(request).content).body, {});
    expect(tokens.filter((t) => t.type === 'blockquote_open')).toHaveLength(2);
  });
});
