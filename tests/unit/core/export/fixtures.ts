// A realistic notebook for the export tests: an Azerbaijani news article with a heading, an emoji
// before a passage, quotes, commas and newlines in passages, risky comments, and an orphan.
import type { Annotation, Article, Block, Tag } from '../../../../electron/shared/model';
import type { ExportRequest } from '../../../../electron/core/export';

export const EXPORTED_AT = new Date('2026-11-29T10:15:30.000Z');

export const TAGS: Tag[] = [
  tag('7d1c0b1e-3f0a-4c55-9a51-1c0f7e4b2a01', 'foreign policy', '#f6c343'),
  tag('7d1c0b1e-3f0a-4c55-9a51-1c0f7e4b2a02', 'Azərbaycan diplomatiyası', '#6cc4a4'),
  tag('7d1c0b1e-3f0a-4c55-9a51-1c0f7e4b2a03', 'economy', '#7aa7f0'),
  tag('7d1c0b1e-3f0a-4c55-9a51-1c0f7e4b2a04', 'unused tag', '#f08a7a'),
];
export const [FOREIGN_POLICY, DIPLOMACY, ECONOMY] = TAGS as [Tag, Tag, Tag, Tag];

function tag(id: string, name: string, color: string): Tag {
  return {
    id,
    name,
    color,
    description: '',
    whenToUse: '',
    whenNotToUse: '',
    example: '',
    createdAt: '2026-11-01T09:00:00.000Z',
  };
}

/** Joins blocks the way an importer would, recording each block's offsets. */
function compose(parts: Array<[Block['type'], string]>): { text: string; blocks: Block[] } {
  let text = '';
  const blocks: Block[] = [];
  for (const [type, content] of parts) {
    if (text) text += '\n\n';
    blocks.push({ type, start: text.length, end: text.length + content.length });
    text += content;
  }
  return { text, blocks };
}

const ties = compose([
  ['heading', 'Rüfət Məmmədov: We increase ties'],
  [
    'paragraph',
    'Bakı, 28 noyabr. Xarici işlər nazirinin müavini Rüfət Məmmədov bildirib ki, ' +
      '"əlaqələri genişləndiririk, ticarəti artırırıq". Görüş Şuşada keçib, ' +
      'ağ şəhər dağ ətəyindədir.',
  ],
  ['paragraph', '🤝🏽 Both sides signed a memorandum on energy, transport and "green" corridors.'],
  [
    'quote',
    'Deputy minister: "We increase ties,\nnot walls."\n\nƏməkdaşlıq, şəffaflıq, güclü bağlar.',
  ],
  ['paragraph', 'Press office: +994 12 492 92 92.'],
]);

export const TIES: Article = {
  id: 'article-ties',
  title: 'Rüfət Məmmədov: We increase ties',
  authors: ['Leyla Əliyeva'],
  published: '2026-11-28',
  source: 'https://news.example.az/politics/ties?lang=az#top',
  publication: 'Xəbər Gündəmi',
  url: 'https://news.example.az/politics/ties?lang=az#top',
  doi: '10.5555/ties.2026-11',
  format: 'html',
  importedAt: '2026-11-28T18:00:00.000Z',
  memo: 'Frames **ties** as trade growth.\n\n- compare with the October speech\n- check the transcript',
  attributes: {},
  marks: [],
  revision: 1,
  revisions: [],
  ...ties,
};

const lines = compose([
  ['heading', 'Field notes: lines that look like Markdown'],
  ['paragraph', '# not a heading\n---\n- not a list\n> not a quote\n1. not a list either'],
  ['paragraph', 'The hashtag #ƏlaqələrGücdür trended, with %% signs and [!note] callouts.'],
  ['paragraph', 'Final ==== line\n==='],
]);

export const NOTES: Article = {
  id: 'article-notes',
  title: 'Field notes, "draft" #2',
  authors: [],
  published: '',
  source: 'field-notes.txt',
  publication: '',
  url: '',
  doi: '',
  format: 'text',
  importedAt: '2026-11-28T19:00:00.000Z',
  memo: '',
  attributes: {},
  marks: [],
  revision: 1,
  revisions: [],
  ...lines,
};

/** An annotation on the first occurrence of `passage` in `article`. */
export function on(
  article: Article,
  id: string,
  passage: string,
  fields: Partial<Omit<Annotation, 'id' | 'articleId' | 'selectors'>> = {},
): Annotation {
  const start = article.text.indexOf(passage);
  if (start < 0) throw new Error(`fixture passage not found: ${passage}`);
  const end = start + passage.length;
  return {
    id,
    articleId: article.id,
    revision: 1,
    selectors: [
      { type: 'TextPositionSelector', start, end },
      {
        type: 'TextQuoteSelector',
        exact: passage,
        prefix: article.text.slice(Math.max(0, start - 32), start),
        suffix: article.text.slice(end, end + 32),
      },
    ],
    tagIds: [],
    comment: '',
    createdAt: '2026-11-28T18:05:00.000Z',
    updatedAt: '2026-11-28T18:06:00.000Z',
    anchor: 'anchored',
    ...fields,
  };
}

export const QUOTED = on(
  TIES,
  'c9a4e2f0-1b2c-4d3e-8f40-5a6b7c8d9e01',
  '"əlaqələri genişləndiririk, ticarəti artırırıq"',
  {
    tagIds: [FOREIGN_POLICY.id, DIPLOMACY.id],
    comment: '=SUM(A1:A3) is what the ministry would like, "roughly"',
  },
);
export const AFTER_EMOJI = on(TIES, 'c9a4e2f0-1b2c-4d3e-8f40-5a6b7c8d9e02', 'Both sides signed', {
  tagIds: [FOREIGN_POLICY.id, 'deleted-tag-id'],
  comment: '@ministry: compare with the **Ankara** memorandum.\nSecond line.',
  updatedAt: '2026-11-28T20:00:00.000Z',
});
/** Re-anchoring found it elsewhere after a revision: it sits at its candidate, awaiting review. */
const multiline = on(
  TIES,
  'c9a4e2f0-1b2c-4d3e-8f40-5a6b7c8d9e03',
  'We increase ties,\nnot walls."\n\nƏməkdaşlıq, şəffaflıq',
  { tagIds: [DIPLOMACY.id], comment: '-5% growth forecast, per the deputy', anchor: 'moved' },
);
export const MULTILINE: Annotation = {
  ...multiline,
  candidate: { start: multiline.selectors[0].start, end: multiline.selectors[0].end },
};
export const PHONE = on(TIES, 'c9a4e2f0-1b2c-4d3e-8f40-5a6b7c8d9e04', '+994 12 492 92 92');
/** Its text was edited away: the stored position points at unrelated text now. */
export const ORPHAN: Annotation = {
  ...on(TIES, 'c9a4e2f0-1b2c-4d3e-8f40-5a6b7c8d9e05', 'Xarici işlər nazirinin', {
    tagIds: [ECONOMY.id],
    comment: 'Where did this go?',
    anchor: 'orphaned',
  }),
  selectors: [
    { type: 'TextPositionSelector', start: 3, end: 20 },
    {
      type: 'TextQuoteSelector',
      exact: 'Sazişin mətni, "gizli" qalır',
      prefix: 'Nazir dedi: ',
      suffix: ', sonra isə',
    },
  ],
};
export const MARKDOWNISH = on(
  NOTES,
  'c9a4e2f0-1b2c-4d3e-8f40-5a6b7c8d9e06',
  '# not a heading\n---\n- not a list\n> not a quote\n1. not a list either',
  { tagIds: [ECONOMY.id], comment: 'Lines that would be *Markdown* if not escaped.' },
);
export const HASHTAG = on(
  NOTES,
  'c9a4e2f0-1b2c-4d3e-8f40-5a6b7c8d9e07',
  'The hashtag #ƏlaqələrGücdür trended, with %% signs and [!note] callouts.',
);
export const SETEXT = on(NOTES, 'c9a4e2f0-1b2c-4d3e-8f40-5a6b7c8d9e08', 'Final ==== line\n===');

/** Reading order, as the service hands them over (the orphan keeps its old place). */
export const TIES_ANNOTATIONS = [ORPHAN, QUOTED, AFTER_EMOJI, MULTILINE, PHONE];
export const NOTES_ANNOTATIONS = [MARKDOWNISH, HASHTAG, SETEXT];

export function articleRequest(
  format: ExportRequest['format'],
  extra: Partial<ExportRequest> = {},
): ExportRequest {
  return {
    format,
    scope: 'article',
    articles: [{ article: TIES, annotations: TIES_ANNOTATIONS }],
    tags: TAGS,
    exportedAt: EXPORTED_AT,
    ...extra,
  };
}

export function notebookRequest(
  format: ExportRequest['format'],
  extra: Partial<ExportRequest> = {},
): ExportRequest {
  return {
    format,
    scope: 'notebook',
    articles: [
      { article: TIES, annotations: TIES_ANNOTATIONS },
      { article: NOTES, annotations: NOTES_ANNOTATIONS },
    ],
    tags: TAGS,
    exportedAt: EXPORTED_AT,
    ...extra,
  };
}

/** Tag names that break naive separators and spreadsheets; every one is a valid name today. */
export const ODD_TAGS: Tag[] = [
  '=cmd',
  'a; b',
  'x, y',
  'say "hi"',
  'left|right',
  'two  spaced words',
  'ə ş ğ',
  '🤝🏽 emoji',
  '-5%',
].map((name, i) => tag(`0dd7a900-0000-4000-a000-${String(i).padStart(12, '0')}`, name, '#b38ff0'));
/** Stored before the schema refused control characters: exports must still split names right. */
export const LEGACY_TAG = tag('0dd7a900-0000-4000-a000-999999999999', 'old\nline\ttab', '#5fc3e4');

/** QUOTED with every odd tag (`=cmd` first), PHONE with them reversed (`=cmd` last). */
export function oddTagsRequest(format: ExportRequest['format']): ExportRequest {
  const ids = ODD_TAGS.map((t) => t.id);
  return articleRequest(format, {
    articles: [
      {
        article: TIES,
        annotations: [
          { ...QUOTED, tagIds: ids },
          { ...PHONE, tagIds: [LEGACY_TAG.id, ...ids.toReversed()] },
        ],
      },
    ],
    tags: [...TAGS, ...ODD_TAGS, LEGACY_TAG],
  });
}
