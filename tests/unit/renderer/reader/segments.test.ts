// What the reader draws from the model: runs per block (segments), and, rendered by the real
// ChunkView, a DOM whose text maps back to the model's offsets across list numbers and cells.
import { flushSync, mount, unmount } from 'svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ChunkView from '../../../../renderer/src/lib/reader/ChunkView.svelte';
import type { Chunk } from '../../../../renderer/src/lib/reader/chunks';
import { buildBlockViews, type BlockView } from '../../../../renderer/src/lib/reader/segments';
import { overlapRanges } from '../../../../renderer/src/lib/reader/overlaps';
import { TextMap } from '../../../../renderer/src/lib/reader/text-map';
import type { ArticleBody, Block } from '../../../../electron/shared/model';

describe('buildBlockViews', () => {
  const text = 'Title\n\nSome bold and linked words.';
  const article = {
    text,
    blocks: [
      { type: 'heading' as const, level: 1, start: 0, end: 5 },
      { type: 'paragraph' as const, start: 7, end: text.length },
    ],
    marks: [
      { type: 'strong' as const, start: 12, end: 16 },
      { type: 'link' as const, start: 12, end: 27, href: 'https://example.org/' },
    ],
  };

  it('cuts each block into runs at mark boundaries, covering the block exactly', () => {
    const views = buildBlockViews(article);
    expect(views).toHaveLength(2);
    for (const view of views) {
      expect(view.segments.map((s) => s.text).join('')).toBe(text.slice(view.start, view.end));
      for (const s of view.segments) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    const runs = views[1]!.segments.map((s) => [s.text, s.strong, s.href ?? null]);
    expect(runs).toEqual([
      ['Some ', false, null],
      ['bold', true, 'https://example.org/'],
      [' and linked', false, 'https://example.org/'],
      [' words.', false, null],
    ]);
  });

  it('clips a mark that spans two blocks to each block', () => {
    const views = buildBlockViews({ ...article, marks: [{ type: 'em', start: 2, end: 10 }] });
    expect(views[0]!.segments.find((s) => s.em)?.text).toBe('tle');
    expect(views[1]!.segments.find((s) => s.em)?.text).toBe('Som');
  });
});

describe('overlapRanges', () => {
  it('finds stretches covered by two or more passages', () => {
    expect(
      overlapRanges([
        [0, 10],
        [5, 15],
        [20, 30],
        [22, 24],
        [23, 28],
      ]),
    ).toEqual([
      [5, 10],
      [22, 28],
    ]);
  });

  it('treats touching passages as not overlapping', () => {
    expect(
      overlapRanges([
        [0, 5],
        [5, 9],
      ]),
    ).toEqual([]);
  });
});

/** A body from its blocks' texts, joined as importers join them. */
function body(parts: Array<[Omit<Block, 'start' | 'end'>, string]>): ArticleBody {
  let text = '';
  const blocks: Block[] = parts.map(([block, part]) => {
    if (text !== '') text += '\n\n';
    const start = text.length;
    text += part;
    return { ...block, start, end: text.length };
  });
  return { text, blocks, marks: [] };
}

const article = body([
  [{ type: 'caption' }, 'Freight by port'],
  [{ type: 'table-row', header: true }, '\t2022\t2023'],
  [{ type: 'table-row' }, 'Aktau\t1.2\t'],
  [{ type: 'list-item', level: 1, number: 3 }, 'Dredging'],
  [{ type: 'list-item', level: 1, number: 4 }, 'A new berth'],
  [{ type: 'list-item', level: 2 }, 'a bullet'],
]);
article.marks = [
  { type: 'strong', start: article.text.indexOf('ktau\t1'), end: article.text.indexOf('.2') },
];

describe('block views of the new block kinds', () => {
  it('carries number and header, and splits a row into cells with each tab its own run', () => {
    const views = buildBlockViews(article);
    expect(views.map((v) => [v.type, v.number ?? null, v.header])).toEqual([
      ['caption', null, false],
      ['table-row', null, true],
      ['table-row', null, false],
      ['list-item', 3, false],
      ['list-item', 4, false],
      ['list-item', null, false],
    ]);
    const cellTexts = (view: BlockView) => view.cells?.map((c) => c.map((s) => s.text).join(''));
    expect(cellTexts(views[1]!)).toEqual(['\t', '2022\t', '2023']);
    expect(cellTexts(views[2]!)).toEqual(['Aktau\t', '1.2\t', '']);
    // A mark across cells is cut at the tab, and every run still covers its own text.
    expect(views[2]!.segments.map((s) => [s.text, s.strong])).toEqual([
      ['A', false],
      ['ktau', true],
      ['\t', true],
      ['1', true],
      ['.2', false],
      ['\t', false],
    ]);
    for (const view of views) {
      expect(view.segments.map((s) => s.text).join('')).toBe(
        article.text.slice(view.start, view.end),
      );
      for (const s of view.segments) expect(article.text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(views[0]!.cells).toBeUndefined();
  });
});

describe('ChunkView in the DOM, read back through TextMap', () => {
  let root: HTMLElement;
  let map: TextMap;
  let view: ReturnType<typeof mount>;
  beforeAll(() => {
    // The real component, compiled by the Svelte plugin and mounted into jsdom.
    const views: BlockView[] = buildBlockViews(article);
    const chunk: Chunk = {
      index: 0,
      from: 0,
      to: views.length,
      start: 0,
      end: article.text.length,
    };
    root = document.createElement('div');
    document.body.append(root);
    view = mount(ChunkView, { target: root, props: { chunk, blocks: views } });
    flushSync();
    map = new TextMap(root);
  });

  afterAll(() => {
    void unmount(view);
    root.remove();
  });

  const runNode = (text: string) => map.runs.find((r) => r.node.data === text)!.node;

  it('holds every character of every block, and nothing else, in its runs', () => {
    const blocks = [...root.querySelectorAll<HTMLElement>('.block')];
    expect(blocks.map((b) => b.textContent)).toEqual(
      article.blocks.map((b) => article.text.slice(b.start, b.end)),
    );
    for (const run of map.runs) expect(article.text.slice(run.start, run.end)).toBe(run.node.data);
  });

  it('draws list numbers from an attribute, never as text', () => {
    const items = [...root.querySelectorAll<HTMLElement>('.list-item')];
    expect(items.map((p) => [p.dataset.number ?? null, p.textContent])).toEqual([
      ['3', 'Dredging'],
      ['4', 'A new berth'],
      [null, 'a bullet'],
    ]);
  });

  it('draws a row as one cell element per column, the header row marked', () => {
    const rows = [...root.querySelectorAll<HTMLElement>('.table-row')];
    expect(
      rows.map((r) => [r.classList.contains('header'), r.style.getPropertyValue('--cells')]),
    ).toEqual([
      [true, '3'],
      [false, '3'],
    ]);
    expect([...rows[1]!.querySelectorAll('.cell')].map((c) => c.textContent)).toEqual([
      'Aktau\t',
      '1.2\t',
      '',
    ]);
  });

  it('maps a selection across cells to the cells’ text with the tab between', () => {
    const range = document.createRange();
    range.setStart(runNode('ktau'), 1);
    range.setEnd(runNode('.2'), 2);
    const start = map.offsetOf(range.startContainer, range.startOffset)!;
    const end = map.offsetOf(range.endContainer, range.endOffset)!;
    expect(article.text.slice(start, end)).toBe('tau\t1.2');
    expect(map.rangeOf(start, end)!.toString()).toBe('tau\t1.2');
  });

  it('maps a selection across a numbered item’s marker and element boundaries', () => {
    const items = root.querySelectorAll('.list-item');
    const range = document.createRange();
    range.setStart(items[0]!, 0);
    range.setEnd(runNode('A new berth'), 5);
    const start = map.offsetOf(range.startContainer, range.startOffset)!;
    const end = map.offsetOf(range.endContainer, range.endOffset)!;
    expect(article.text.slice(start, end)).toBe('Dredging\n\nA new');
    // An empty last cell: its boundary maps to the next run, the start of the next block.
    const emptyCell = root.querySelectorAll('.table-row')[1]!.querySelectorAll('.cell')[2]!;
    expect(map.offsetOf(emptyCell, 0)).toBe(article.blocks[3]!.start);
  });
});
