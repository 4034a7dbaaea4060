// The report's model and figures, pure: page labels where the article has pages, passages that
// wait for review said so (an orphan with its old quote and no page), a passage once per tag,
// and the figures' SVG passing the app's own check for a figure (a picture only, well-formed).
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildReport, renderReportHtml } from '../../../../electron/core/report';
import { cooccurrenceHeatmap, frequencyChart } from '../../../../electron/core/report/figures';
import { checkFigure } from '../../../../electron/core/service/figures';
import type { Article, Place, Tag } from '../../../../electron/shared/model';
import { DIPLOMACY, ECONOMY, FOREIGN_POLICY, on, ORPHAN, TAGS, TIES } from '../export/fixtures';

const GENERATED = new Date('2026-12-02T08:00:00Z');
const thirds = [0, Math.floor(TIES.text.length / 3), Math.floor((2 * TIES.text.length) / 3)];
const places: Place[] = thirds.map((at, i) => ({ kind: 'page', label: String(17 + i), start: at }));
const PAGED: Article = { ...TIES, places };
const page2 = places[1]!.start;

const first = on(PAGED, 'a1', TIES.text.slice(0, 12), { tagIds: [ECONOMY.id] });
const across = on(PAGED, 'a2', TIES.text.slice(page2 - 6, page2 + 6), {
  tagIds: [ECONOMY.id, DIPLOMACY.id],
  comment: 'Across a page break',
});
const moved = on(PAGED, 'a3', TIES.text.slice(page2 + 20, page2 + 30), {
  tagIds: [FOREIGN_POLICY.id],
  anchor: 'moved',
  candidate: { start: page2 + 20, end: page2 + 30 },
});

function model(tags: Tag[] = TAGS, chosenTagIds?: string[]) {
  return buildReport({
    render: 'html',
    title: 'Model',
    fileTitle: 'Model',
    generatedAt: GENERATED,
    tags,
    ...(chosenTagIds && { chosenTagIds }),
    codebook: true,
    figures: true,
    articles: [{ article: PAGED, annotations: [ORPHAN, across, moved, first] }],
  });
}

describe('buildReport', () => {
  it('says each passage’s page or pages, and none for an orphan', () => {
    const economy = model().sections.find((s) => s.tagId === ECONOMY.id)!;
    expect(economy.passages.map((p) => [p.annotationId, p.pages ?? null])).toEqual([
      ['a1', 'p. 17'],
      ['a2', 'pp. 17–18'],
      // The orphan last (no place in the text), with its quote as it was.
      [ORPHAN.id, null],
    ]);
    const orphan = economy.passages.at(-1)!;
    expect(orphan).toMatchObject({
      orphaned: true,
      awaitingReview: true,
      text: ORPHAN.selectors[1].exact,
    });
    const policy = model().sections.find((s) => s.tagId === FOREIGN_POLICY.id)!;
    expect(policy.passages[0]).toMatchObject({
      awaitingReview: true,
      orphaned: false,
      pages: 'p. 18',
    });
  });

  it('puts a passage under each of its tags, and leaves out tags nobody used', () => {
    const m = model();
    expect(m.sections.map((s) => s.path)).toEqual([
      'Azərbaycan diplomatiyası',
      'economy',
      'foreign policy',
    ]);
    expect(m.passages).toBe(4);
    // The codebook lists every tag of the report, used or not.
    expect(m.codebook!.map((c) => c.path)).toContain('unused tag');
  });

  it('prints the pages and the review notes in the HTML', () => {
    const { document } = new JSDOM(renderReportHtml(model())).window;
    const cites = [...document.querySelectorAll('cite')].map((c) => c.textContent);
    expect(cites).toContain(`${TIES.title}, pp. 17–18`);
    const notes = [...document.querySelectorAll('.review')].map((r) => r.textContent);
    expect(notes).toEqual(['(lost its place in the text; awaiting review)', '(awaiting review)']);
  });

  it('nests a child under its parent a level deeper, relative to the chosen top', () => {
    const parent: Tag = { ...ECONOMY, id: 'p', name: 'Parent' };
    const child: Tag = { ...ECONOMY, parentId: 'p' };
    const m = model([parent, child, DIPLOMACY, FOREIGN_POLICY], ['p']);
    expect(m.sections.map((s) => [s.path, s.depth])).toEqual([
      ['Parent', 0],
      ['Parent/economy', 1],
    ]);
    expect(m.chosenTags).toEqual(['Parent']);
    const only = model([parent, child, DIPLOMACY, FOREIGN_POLICY], [child.id]);
    expect(only.sections.map((s) => [s.path, s.depth])).toEqual([['Parent/economy', 0]]);
  });
});

describe('figures', () => {
  const tricky: Tag = { ...ECONOMY, name: '<script>&"x"</script> İqtisadiyyat 💶 اقتصاد' };
  const m = model([tricky, DIPLOMACY, FOREIGN_POLICY]);

  it('are SVG pictures the app would save as figures', async () => {
    for (const svg of [
      frequencyChart(m.figures!.frequencies),
      cooccurrenceHeatmap(m.figures!.cooccurrence),
    ]) {
      await expect(
        checkFigure({
          fileName: 'figure.svg',
          mimeType: 'image/svg+xml',
          bytes: new TextEncoder().encode(svg),
        }),
      ).resolves.toBeUndefined();
      expect(svg).not.toContain('<script');
      expect(svg).toContain('&lt;script&gt;&amp;&quot;x&quot;&lt;/script&gt;');
    }
  });

  it('count the passages per tag and the overlaps between tags', () => {
    const { frequencies, cooccurrence } = m.figures!;
    expect(new Map(frequencies.map((f) => [f.path, [f.own, f.total]]))).toEqual(
      new Map([
        ['Azərbaycan diplomatiyası', [1, 1]],
        // The orphan counts too: it still carries its tag.
        [tricky.name, [3, 3]],
        ['foreign policy', [1, 1]],
      ]),
    );
    const at = (a: string, b: string) => {
      const i = cooccurrence.tags.findIndex((t) => t.tagId === a);
      const j = cooccurrence.tags.findIndex((t) => t.tagId === b);
      return cooccurrence.counts[i]![j];
    };
    // "across" carries both tags: one overlap (with itself); the orphan has no place to overlap.
    expect(at(ECONOMY.id, DIPLOMACY.id)).toBe(1);
    expect(at(ECONOMY.id, ECONOMY.id)).toBe(2);
  });
});
