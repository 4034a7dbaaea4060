// A coded notebook for the report tests, through the dispatcher on a real folder: two articles
// (Azerbaijani with emoji, and Arabic) whose text holds markup that must stay text, a tag tree
// two levels deep with guidance, overlapping passages and comments.
import { expect } from 'vitest';
import type { ExportOutcome } from '../../../../electron/shared/contract';
import type { ExportFile } from '../../../../electron/shared/model';
import type { DispatchedNotebook } from '../../support/dispatched-notebook';

export const AZ_TITLE = 'Bakı <script>alert("x")</script> & Gəncə 🇦🇿';
export const AZ_TEXT = [
  'İqtisadiyyat: neft və qaz ixracı artır 🛢️ hər il.',
  'Ticarət yolu <b>Şərq–Qərb</b> dəhlizindən keçir & genişlənir.',
  'Siyasi danışıqlar <script>alert(1)</script> İstanbulda davam edir.',
].join('\n\n');
export const AR_TITLE = 'مقالة عن التجارة';
export const AR_TEXT = 'التجارة بين البلدين تنمو بسرعة.\n\nالطاقة مهمة للاقتصاد.';

export const PASSAGES = {
  oil: 'neft və qaz ixracı artır 🛢️',
  corridor: 'Ticarət yolu <b>Şərq–Qərb</b> dəhlizindən',
  // Overlaps "corridor" on "dəhlizindən".
  overlap: 'dəhlizindən keçir & genişlənir',
  talks: 'Siyasi danışıqlar <script>alert(1)</script>',
  arTrade: 'التجارة بين البلدين',
  arEnergy: 'الطاقة مهمة',
};

export const DEFINITIONS = {
  economy: 'İqtisadi məsələlər: <i>everything</i> about money',
  energy: 'Oil, gas & power — "enerji"',
  trade: 'Goods crossing borders',
};

export interface Coded {
  az: string;
  ar: string;
  tag: (path: string) => string;
  annotation: (key: keyof typeof PASSAGES) => string;
}

export async function codedNotebook(nb: DispatchedNotebook): Promise<Coded> {
  const az = await nb.call('importText', { text: AZ_TEXT, title: AZ_TITLE });
  const ar = await nb.call('importText', { text: AR_TEXT, title: AR_TITLE });
  const ids = new Map<string, string>();
  const code = async (
    key: keyof typeof PASSAGES,
    articleId: string,
    text: string,
    tagNames: string[],
    comment = '',
  ) => {
    const start = text.indexOf(PASSAGES[key]);
    expect(start).toBeGreaterThanOrEqual(0);
    const a = await nb.call('createAnnotation', {
      articleId,
      start,
      end: start + PASSAGES[key].length,
      tagNames,
      comment,
    });
    ids.set(key, a.id);
  };
  // Made out of reading order, so the report has to put them in it.
  await code('overlap', az.id, AZ_TEXT, ['Economy/Trade'], 'Overlaps the corridor 🚚');
  await code('oil', az.id, AZ_TEXT, ['Economy/Energy'], 'Comment with <em>markup</em> & "quotes"');
  await code('corridor', az.id, AZ_TEXT, ['Economy/Trade', 'Siyasət'], '');
  await code('talks', az.id, AZ_TEXT, ['Siyasət'], 'Şəhər: İstanbul');
  await code('arEnergy', ar.id, AR_TEXT, ['Economy/Energy'], 'تعليق بالعربية');
  await code('arTrade', ar.id, AR_TEXT, ['Economy/Trade']);
  const tags = new Map((await nb.call('listTags', {})).map((t) => [t.path, t.id]));
  const tag = (path: string) => {
    const id = tags.get(path);
    expect(id, path).toBeDefined();
    return id!;
  };
  await nb.call('updateTag', { id: tag('Economy'), description: DEFINITIONS.economy });
  await nb.call('updateTag', {
    id: tag('Economy/Energy'),
    description: DEFINITIONS.energy,
    whenToUse: 'Production and export of fuel',
    whenNotToUse: 'Prices alone',
    example: '“neft ixracı”',
  });
  await nb.call('updateTag', { id: tag('Economy/Trade'), description: DEFINITIONS.trade });
  return { az: az.id, ar: ar.id, tag, annotation: (key) => ids.get(key)! };
}

/** The file of a report outcome (every host-less call answers a download). */
export function fileOf(outcome: ExportOutcome): ExportFile {
  if (outcome.kind !== 'download') throw new Error(`expected a download, got ${outcome.kind}`);
  return outcome.file;
}

/** Indexes of each needle in the haystack, failing on any that is missing. */
export function positions(haystack: string, needles: readonly string[]): number[] {
  return needles.map((needle) => {
    const at = haystack.indexOf(needle);
    expect(at, `“${needle}” is in the report`).toBeGreaterThanOrEqual(0);
    return at;
  });
}

export const ascending = (numbers: number[]) =>
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
