// Shared checks for importer tests: every document must satisfy the model's invariants, whatever
// it was imported from, before a test looks at its particular content.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  LIMITS,
  type CanonicalDocument,
  type Mark,
  type MarkType,
} from '../../../../electron/shared/model';

const FIXTURES = new URL('../../../fixtures/import/', import.meta.url);
const RESOURCES = new URL('../../../../resources/', import.meta.url);

/** A file from tests/fixtures/import, as the bytes an import receives. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(name, FIXTURES))));
}

/** A sample from resources/, the app's own real-world examples. */
export function resource(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(name, RESOURCES))));
}

export function expectValidDocument(doc: CanonicalDocument): void {
  const { text, blocks, marks } = doc;
  expect(doc.title.trim()).not.toBe('');
  expect(doc.title).toBe(doc.title.trim());
  expect(doc.title.length).toBeLessThanOrEqual(LIMITS.title);
  expect(text).toBe(text.normalize('NFC'));
  expect(text).not.toContain('\r');
  expect(blocks.length).toBeGreaterThan(0);

  // The text is exactly the blocks' texts joined by blank lines: nothing between or around them.
  expect(blocks.map((b) => text.slice(b.start, b.end)).join('\n\n')).toBe(text);
  blocks.forEach((block, i) => {
    expect(block.start).toBeGreaterThanOrEqual(0);
    expect(block.end).toBeGreaterThan(block.start);
    expect(block.end).toBeLessThanOrEqual(text.length);
    const previous = blocks[i - 1];
    if (previous) expect(block.start).toBe(previous.end + 2);
    const slice = text.slice(block.start, block.end);
    if (block.type === 'code') {
      expect(slice).toBe(slice.trimEnd());
      expect(slice).not.toMatch(/^\s*\n/);
    } else if (block.type === 'table-row') {
      expect(slice).not.toContain('\n\n');
      // Tabs of empty edge cells stay; any other space at the edges does not.
      expect(slice).toBe(slice.replace(/^[^\S\t]+|[^\S\t]+$/g, ''));
      expect(slice.trim()).not.toBe('');
    } else {
      expect(slice).toBe(slice.trim());
      expect(slice).not.toContain('\n\n');
    }
    if (block.type === 'heading') expect(block.level).toBeOneOf([1, 2, 3, 4, 5, 6]);
    else if (block.type === 'list-item') expect(block.level).toBeGreaterThanOrEqual(1);
    else expect(block.level).toBeUndefined();
    if (block.number !== undefined) {
      expect(block.type).toBe('list-item');
      expect(Number.isSafeInteger(block.number)).toBe(true);
    }
    if (block.header !== undefined) {
      expect(block.type).toBe('table-row');
      expect(block.header).toBe(true);
    }
  });

  // Places are ordered, lie inside a block (a page may begin mid-paragraph, never on a space),
  // and are left out entirely when there are none.
  if (doc.places !== undefined) expect(doc.places.length).toBeGreaterThan(0);
  (doc.places ?? []).forEach((place, i) => {
    expect(place.label.trim()).not.toBe('');
    const inside = blocks.some((b) => b.start <= place.start && place.start < b.end);
    expect(inside, `place ${JSON.stringify(place)} begins inside a block`).toBe(true);
    expect(text.charAt(place.start)).not.toMatch(/\s/);
    const previous = doc.places?.[i - 1];
    if (previous) expect(place.start).toBeGreaterThanOrEqual(previous.start);
  });

  marks.forEach((mark, i) => {
    expect(mark.end).toBeGreaterThan(mark.start);
    const inside = blocks.filter((b) => b.start <= mark.start && mark.end <= b.end);
    expect(inside, `mark ${JSON.stringify(mark)} lies in one block`).toHaveLength(1);
    const covered = text.slice(mark.start, mark.end);
    expect(covered).toBe(covered.trim());
    if (mark.type === 'link') {
      expect(['http:', 'https:', 'mailto:']).toContain(new URL(mark.href ?? '').protocol);
    } else {
      expect(mark.href).toBeUndefined();
    }
    const previous = marks[i - 1];
    if (previous) expect(mark.start).toBeGreaterThanOrEqual(previous.start);
  });
  // Identical marks never touch or overlap: the builder merges them.
  for (const a of marks) {
    for (const b of marks) {
      if (a === b || a.type !== b.type || a.href !== b.href) continue;
      expect(
        a.end < b.start || b.end < a.start,
        `${JSON.stringify(a)} vs ${JSON.stringify(b)}`,
      ).toBe(true);
    }
  }
}

/** The texts a type of mark covers, in document order. */
export function marked(doc: CanonicalDocument, type: MarkType): string[] {
  return doc.marks.filter((m) => m.type === type).map((m) => doc.text.slice(m.start, m.end));
}

export function links(doc: CanonicalDocument): { text: string; href: string | undefined }[] {
  return doc.marks
    .filter((m: Mark) => m.type === 'link')
    .map((m) => ({ text: doc.text.slice(m.start, m.end), href: m.href }));
}

export function blockTexts(
  doc: CanonicalDocument,
): { type: string; level?: number; number?: number; header?: true; text: string }[] {
  return doc.blocks.map((b) => ({
    type: b.type,
    ...(b.level === undefined ? {} : { level: b.level }),
    ...(b.number === undefined ? {} : { number: b.number }),
    ...(b.header === undefined ? {} : { header: b.header }),
    text: doc.text.slice(b.start, b.end),
  }));
}

export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
