import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { renderExport, type ExportRequest } from '../../../../electron/core/export';
import { obsidianTag } from '../../../../electron/core/export/markdown';
import type { Annotation, Article, Tag } from '../../../../electron/shared/model';
import {
  AFTER_EMOJI,
  articleRequest,
  DIPLOMACY,
  ECONOMY,
  EXPORTED_AT,
  FOREIGN_POLICY,
  MULTILINE,
  NOTES,
  NOTES_ANNOTATIONS,
  notebookRequest,
  ODD_TAGS,
  oddTagsRequest,
  ORPHAN,
  PHONE,
  QUOTED,
  TAGS,
  TIES,
  TIES_ANNOTATIONS,
} from './fixtures';
import { headingLevels, headings, md, quotesOf, READERS } from './markdown-reader';

/** The front matter as a YAML reader (js-yaml) sees it, and the note after it. */
function readFrontMatter(content: string): { fields: Record<string, unknown>; body: string } {
  if (!content.startsWith('---\n')) throw new Error('no front matter');
  const end = content.indexOf('\n---\n', 3);
  if (end < 0) throw new Error('front matter not closed');
  const fields = load(content.slice(4, end));
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new Error('front matter is not a mapping');
  }
  return { fields: fields as Record<string, unknown>, body: content.slice(end + 5) };
}

/** Where each needle first appears; -1 fails the ordering check below. */
const positions = (haystack: string, needles: string[]) => needles.map((n) => haystack.indexOf(n));
const increasing = (xs: number[]) => xs.every((x, i) => x >= 0 && (i === 0 || x > xs[i - 1]!));

/** What each annotation's quote must read as: its current passage, or an orphan's old quote. */
function passageOf(article: Article, a: Annotation): string {
  const span = a.anchor === 'orphaned' ? null : (a.candidate ?? a.selectors[0]);
  return span ? article.text.slice(span.start, span.end) : a.selectors[1].exact;
}

/** As the service hands them over: only annotations with one of the tags. */
function filtered(request: ExportRequest, tagIds: string[]): ExportRequest {
  return {
    ...request,
    tagFilter: tagIds.map((id) => TAGS.find((t) => t.id === id)!),
    articles: request.articles.map((item) => ({
      ...item,
      annotations: item.annotations.filter((a) => a.tagIds.some((id) => tagIds.includes(id))),
    })),
  };
}

describe('Markdown export, one article', () => {
  const file = renderExport(articleRequest('markdown'));
  const { fields, body } = readFrontMatter(file.content);

  it('names and types the file', () => {
    expect(file.fileName).toBe('rufat-mammadov-we-increase-ties-2026-11-29.md');
    expect(file.mimeType).toBe('text/markdown');
  });

  it('opens with front matter carrying the article details', () => {
    expect(fields).toEqual({
      title: TIES.title,
      author: ['Leyla Əliyeva'],
      date: '2026-11-28',
      publication: 'Xəbər Gündəmi',
      url: TIES.url,
      doi: '10.5555/ties.2026-11',
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
  });

  it('reads back each passage exactly, as one quote each, in reading order', () => {
    const quotes = quotesOf(body);
    expect(quotes.map((q) => q.other)).toEqual(TIES_ANNOTATIONS.map(() => []));
    expect(quotes.map((q) => q.text)).toEqual(TIES_ANNOTATIONS.map((a) => passageOf(TIES, a)));
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

  it('has the outline title, memo, passages', () => {
    expect(headings(body)).toEqual([
      [1, TIES.title],
      [2, 'Memo'],
      [2, 'Passages'],
    ]);
  });

  it('leaves the memo out when it is empty', () => {
    const request = articleRequest('markdown', {
      articles: [{ article: { ...TIES, memo: '  \n' }, annotations: [QUOTED] }],
    });
    expect(renderExport(request).content).not.toContain('## Memo');
  });

  it('lists the tag filter in the front matter, and says when nothing matched', () => {
    const request = filtered(articleRequest('markdown'), [FOREIGN_POLICY.id, DIPLOMACY.id]);
    const { fields, body } = readFrontMatter(renderExport(request).content);
    expect(fields['tags']).toEqual(['foreign-policy', 'Azərbaycan-diplomatiyası']);
    expect(quotesOf(body).map((q) => q.text)).toEqual(
      [QUOTED, AFTER_EMOJI, MULTILINE].map((a) => passageOf(TIES, a)),
    );
    const none = filtered(articleRequest('markdown'), ['7d1c0b1e-3f0a-4c55-9a51-1c0f7e4b2a04']);
    expect(renderExport(none).content).toContain(
      '## Passages\n\n_No passages with the chosen tags._',
    );
  });
});

describe('Markdown export, front matter', () => {
  const fieldsOf = (article: Partial<Article>) =>
    readFrontMatter(
      renderExport(
        articleRequest('markdown', {
          articles: [{ article: { ...TIES, ...article }, annotations: [] }],
        }),
      ).content,
    ).fields;

  it.each([
    'Line one\n---\ntitle: "forged"\\',
    'yes',
    'null',
    '1e3',
    '2026-11-28',
    '- a list?',
    '[a, b]',
    '{a: 1}',
    'key: value # comment',
    'it\'s "quoted"',
    '~',
    '& anchor * alias ! tag % directive @ `',
    'tab\tand C1 \u0085 \u0080 LS\u2028PS\u2029 DEL\u007f',
    'ə ş ğ 🤝🏽 עברית',
  ])('reads the title %j back as exactly that string', (title) => {
    const fields = fieldsOf({ title, authors: [title, 'Smith, J.'], published: title });
    expect(fields['title']).toBe(title);
    expect(fields['author']).toEqual([title, 'Smith, J.']);
    expect(fields['date']).toBe(title);
  });

  it('gives a source that is not a web address as source, and leaves out unknown details', () => {
    const fields = fieldsOf({
      source: 'C:\\notes\\ties.txt',
      authors: [],
      published: '',
      publication: '',
      url: '',
      doi: '',
    });
    expect(fields).toEqual({
      title: TIES.title,
      source: 'C:\\notes\\ties.txt',
      'exported-at': EXPORTED_AT.toISOString(),
    });
    expect(fieldsOf({ source: 'javascript:alert(1)', url: '' })['url']).toBeUndefined();
    expect(fieldsOf({ source: ' http://example.org/a b ', url: '' })['url']).toBe(
      'http://example.org/a%20b',
    );
  });

  it('cannot be ended by a title or a passage', () => {
    const title = 'Line one\n---\ntitle: "forged"\\';
    const request = articleRequest('markdown', {
      articles: [
        {
          article: { ...TIES, title },
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
    expect(quotesOf(body).map((q) => q.text)).toEqual(['x\n---\ny']);
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
    expect(headings(body)).toEqual([
      [1, 'Research notebook'],
      [2, TIES.title],
      [3, 'Memo'],
      [3, 'Passages'],
      [2, 'Field notes, "draft" #2'],
      [3, 'Passages'],
    ]);
  });

  it('reads back every passage of every article exactly', () => {
    expect(quotesOf(body)).toEqual([
      ...TIES_ANNOTATIONS.map((a) => ({ text: passageOf(TIES, a), other: [] })),
      ...NOTES_ANNOTATIONS.map((a) => ({ text: passageOf(NOTES, a), other: [] })),
    ]);
    // Obsidian would read these as a tag and a comment opener.
    expect(body).toContain('\\#ƏlaqələrGücdür');
    expect(body).toContain('\\%\\% signs');
  });

  it('filtered by tag, leaves out the articles without a matching passage', () => {
    const diplomacy = readFrontMatter(
      renderExport(filtered(notebookRequest('markdown'), [DIPLOMACY.id])).content,
    );
    expect(diplomacy.fields['tags']).toEqual(['Azərbaycan-diplomatiyası']);
    expect(headings(diplomacy.body).filter(([level]) => level === 2)).toEqual([[2, TIES.title]]);
    expect(diplomacy.body).not.toContain('Field notes');
    expect(quotesOf(diplomacy.body).map((q) => q.text)).toEqual(
      [QUOTED, MULTILINE].map((a) => passageOf(TIES, a)),
    );

    const economy = renderExport(filtered(notebookRequest('markdown'), [ECONOMY.id])).content;
    expect(headings(economy).filter(([level]) => level === 2)).toEqual([
      [2, TIES.title],
      [2, 'Field notes, "draft" #2'],
    ]);
  });

  it('says so when no passage has the chosen tags', () => {
    const unused = '7d1c0b1e-3f0a-4c55-9a51-1c0f7e4b2a04';
    const { body } = readFrontMatter(
      renderExport(filtered(notebookRequest('markdown'), [unused])).content,
    );
    expect(headingLevels(body)).toEqual([1]);
    expect(body).toContain('# Research notebook\n\n_No passages have the chosen tags._\n');
  });

  it('still lists an article without passages when not filtered', () => {
    const request = notebookRequest('markdown', {
      articles: [
        { article: TIES, annotations: [] },
        { article: NOTES, annotations: NOTES_ANNOTATIONS },
      ],
    });
    expect(renderExport(request).content).toContain('### Passages\n\n_No passages._');
  });
});

describe('Markdown pieces', () => {
  it('turns tag names into Obsidian tags', () => {
    expect(obsidianTag('foreign policy')).toBe('foreign-policy');
    expect(obsidianTag('Azərbaycan diplomatiyası')).toBe('Azərbaycan-diplomatiyası');
    expect(obsidianTag('C++ & Rust!')).toBe('C-Rust');
    expect(obsidianTag('economy/trade')).toBe('economy/trade');
    expect(obsidianTag('1984')).toBe('_1984');
    expect(obsidianTag('?!')).toBe('');
  });

  it('keeps emoji in tags, whole, so emoji tags stay apart', () => {
    expect(obsidianTag('🔥 urgent')).toBe('🔥-urgent');
    expect(obsidianTag('😀 urgent')).toBe('😀-urgent');
    expect(obsidianTag('🔥')).toBe('🔥');
    // Flags are pairs of regional indicators; skin tones, ZWJ sequences and subdivision flags
    // (tag characters) stay with their emoji.
    expect(obsidianTag('🇦🇿 Azərbaycan')).toBe('🇦🇿-Azərbaycan');
    expect(obsidianTag('🇦🇿')).not.toBe(obsidianTag('🇹🇷'));
    expect(obsidianTag('🤝🏽')).toBe('🤝🏽');
    expect(obsidianTag('🤝🏽 emoji')).toBe('🤝🏽-emoji');
    expect(obsidianTag('🧑🏽‍💻 dev')).toBe('🧑🏽‍💻-dev');
    expect(obsidianTag('❤️ love')).toBe('❤️-love');
    expect(obsidianTag('🏴󠁧󠁢󠁳󠁣󠁴󠁿 Alba')).toBe('🏴󠁧󠁢󠁳󠁣󠁴󠁿-Alba');
    // A ZWJ or a skin tone on its own is dropped.
    expect(obsidianTag('a\u200Db \u{1F3FD}')).toBe('ab');
  });

  it('never starts or ends a tag, or a nested part, with "-" or "/"', () => {
    expect(obsidianTag('-lead')).toBe('lead');
    expect(obsidianTag('lead- ')).toBe('lead');
    expect(obsidianTag('🔥!')).toBe('🔥');
    expect(obsidianTag('! urgent')).toBe('urgent');
    expect(obsidianTag('/economy/')).toBe('economy');
    expect(obsidianTag('economy / trade')).toBe('economy/trade');
    expect(obsidianTag('economy/-trade//-x')).toBe('economy/trade/x');
    // Hyphens typed together stay as typed ("a--b" and "a-b" are two tags); spaces around one
    // make a single hyphen.
    expect(obsidianTag('a--b')).toBe('a--b');
    expect(obsidianTag('a - b')).toBe('a-b');
    expect(obsidianTag('C++ & Rust!')).toBe('C-Rust');
    expect(obsidianTag('- / -')).toBe('');
  });

  it('gives a tag of digits only a non-digit', () => {
    expect(obsidianTag('1984')).toBe('_1984');
    expect(obsidianTag('-1984-')).toBe('_1984');
    expect(obsidianTag('2024/11')).toBe('_2024/11');
    expect(obsidianTag('١٩٨٤')).toBe('_١٩٨٤');
    expect(obsidianTag('-5%')).toBe('_5');
    expect(obsidianTag('1984 🔥')).toBe('1984-🔥');
    expect(obsidianTag('y1984')).toBe('y1984');
  });

  it('keeps "_" only where no Markdown reader takes it for emphasis', () => {
    expect(obsidianTag('snake_case')).toBe('snake_case');
    expect(obsidianTag('_draft')).toBe('_draft');
    expect(obsidianTag('draft_')).toBe('draft');
    expect(obsidianTag('_1984_')).toBe('_1984');
    expect(obsidianTag('a_/b_-c _🔥')).toBe('a/b-c-🔥');
  });

  it('writes a tag line a Markdown reader shows as plain text', () => {
    const names = [
      '🔥 urgent',
      '🇦🇿 Azərbaycan',
      '🤝🏽',
      '-lead',
      'a--b',
      '1984',
      '_1984_',
      'draft_',
      'x_🔥',
      '**bold**',
      '`code`',
      '[[link]]',
      '<b>html</b>',
      '&amp;',
      'a\\b',
      'https://example.org',
    ];
    const tags = names.map((name, i): Tag => ({
      id: `e3a7c0de-0000-4000-a000-${String(i).padStart(12, '0')}`,
      name,
      color: '#f6c343',
      description: '',
      whenToUse: '',
      whenNotToUse: '',
      example: '',
      createdAt: '2026-11-01T09:00:00.000Z',
    }));
    const request = articleRequest('markdown', {
      articles: [{ article: TIES, annotations: [{ ...PHONE, tagIds: tags.map((t) => t.id) }] }],
      tags,
      tagFilter: tags,
    });
    const { fields, body } = readFrontMatter(renderExport(request).content);
    expect(fields.tags).toEqual(names.map(obsidianTag));
    const line = names.map((name) => `#${obsidianTag(name)}`).join(' ');
    expect(line).toContain('#🔥-urgent #🇦🇿-Azərbaycan #🤝🏽 #lead #a--b #_1984 #_1984 #draft');
    expect(body).toContain(`\n\n${line}\n`);
    for (const reader of Object.values(READERS)) {
      const tokens = reader.parse(body, {});
      const inline = tokens.find((t) => t.type === 'inline' && t.content === line);
      expect(inline?.children?.map((c) => [c.type, c.content])).toEqual([['text', line]]);
      expect(tokens[tokens.indexOf(inline!) - 1]!.type).toBe('paragraph_open');
    }
  });

  it('writes the odd tag names as tags that stay apart', () => {
    const { body } = readFrontMatter(renderExport(oddTagsRequest('markdown')).content);
    const line = ODD_TAGS.map((t) => `#${obsidianTag(t.name)}`).join(' ');
    expect(body).toContain(line);
    expect(new Set(ODD_TAGS.map((t) => obsidianTag(t.name))).size).toBe(ODD_TAGS.length);
  });

  it('closes a code fence a comment left open', () => {
    const request = articleRequest('markdown', {
      articles: [{ article: TIES, annotations: [{ ...QUOTED, comment: '```\ncode' }, PHONE] }],
    });
    const tokens = md.parse(readFrontMatter(renderExport(request).content).body, {});
    expect(tokens.filter((t) => t.type === 'blockquote_open')).toHaveLength(2);
  });
});
