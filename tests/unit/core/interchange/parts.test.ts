// The small parts of the REFI-QDA export: stable GUIDs (name-based UUIDs, RFC 9562's own test
// vector), the XML writer's escaping (read back by a real parser), guidance and details in a
// description and back, and code point offsets both ways.
import { describe, expect, it } from 'vitest';
import { codePointOffsets, codeUnitOffsets } from '../../../../electron/core/export/code-points';
import { GUID_PATTERN, guids, parseCodeDescription } from '../../../../electron/core/interchange';
import { codeDescription } from '../../../../electron/core/interchange/code-description';
import { nameBasedUuid, recordGuid } from '../../../../electron/core/interchange/guid';
import {
  parseSourceDescription,
  sourceDescription,
} from '../../../../electron/core/interchange/source-details';
import { element, serializeXml, textElement } from '../../../../electron/core/interchange/xml';
import { parseXml } from './read-project';

describe('GUIDs', () => {
  it('are RFC 9562 version 5 UUIDs (the RFC’s own example)', () => {
    const dns = Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex');
    expect(nameBasedUuid('www.example.com', dns)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('are stable, of the schema’s pattern, and never shared between kinds', () => {
    const all = [
      guids.user('id-1'),
      guids.code('id-1'),
      guids.source('id-1'),
      guids.selection('id-1'),
      guids.coding('id-1', 'id-2'),
      guids.coding('id-2', 'id-1'),
      guids.memoNote('id-1'),
      guids.reviewNote('id-1'),
      guids.variable('country'),
      guids.case('id-1'),
      guids.representation('id-1'),
    ];
    for (const guid of all) expect(guid).toMatch(GUID_PATTERN);
    expect(new Set(all).size).toBe(all.length);
    expect(guids.code('id-1')).toBe(guids.code('id-1'));
    expect(GUID_PATTERN.test('{0EA8E7FE-5D4B-5D5F-B611-8995B3D42FE5}')).toBe(true);
    expect(GUID_PATTERN.test('0ea8e7fe-5d4b-5d5f-b611')).toBe(false);
  });

  it('are our own ids when those are UUIDs already (lower-cased)', () => {
    const id = 'E3B0C442-98FC-4C14-9AFB-F4C8996FB924';
    expect(recordGuid('source', id)).toBe(id.toLowerCase());
    expect(recordGuid('source', 'id-7')).not.toBe(recordGuid('code', 'id-7'));
  });
});

describe('the XML writer', () => {
  it('escapes so a parser reads back exactly what was written', () => {
    const awkward = 'Tab\there, line\nbreak, CR\r\nLF, <tag> & "quotes" \'apos\' ə 🚢';
    const xml = serializeXml(
      element('Root', { name: awkward, flag: true, skipped: undefined, n: 3 }, [
        textElement('Text', awkward),
        false,
        element('Empty'),
      ]),
    );
    const root = parseXml(xml).Root;
    expect(root.name).toBe(awkward);
    expect(root.Text).toBe(awkward);
    expect(root.flag).toBe('true');
    expect(root).not.toHaveProperty('skipped');
    expect(xml).toContain('<Empty/>');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<Root ')).toBe(true);
  });

  it('replaces what XML 1.0 cannot carry at all with U+FFFD', () => {
    const xml = serializeXml(textElement('T', 'a\u0000b\u0007c\uD800d\uFFFEe', { v: '\u001F' }));
    expect(xml).toContain('<T v="\uFFFD">a\uFFFDb\uFFFDc\uFFFDd\uFFFDe</T>');
  });
});

describe('descriptions', () => {
  it('carry a tag’s guidance as labelled paragraphs, and give it back', () => {
    const cases = [
      { description: 'Def', whenToUse: 'Use', whenNotToUse: 'Not', example: 'Ex 📈' },
      { description: '', whenToUse: 'Only when', whenNotToUse: '', example: '' },
      { description: 'Two\n\nparagraphs', whenToUse: '', whenNotToUse: '', example: 'Ex' },
      {
        description: 'Quotes When to use: inline, and\nWhen to use: at a line start',
        whenToUse: 'x',
        whenNotToUse: 'y',
        example: '',
      },
      { description: '', whenToUse: '', whenNotToUse: '', example: '' },
    ];
    for (const fields of cases)
      expect(parseCodeDescription(codeDescription(fields))).toEqual(fields);
    expect(codeDescription(cases[0]!)).toBe(
      'Def\n\nWhen to use: Use\n\nWhen not to use: Not\n\nExample: Ex 📈',
    );
    expect(parseCodeDescription('Another tool’s plain description.')).toEqual({
      description: 'Another tool’s plain description.',
      whenToUse: '',
      whenNotToUse: '',
      example: '',
    });
  });

  it('carry an article’s details as labelled lines, and give them back', () => {
    const details = {
      authors: ['Leyla Aliyeva', 'Smith, J.'],
      published: 'May 2019',
      publication: 'Caspian Review: a journal',
      url: 'https://example.org/a?b=c',
      doi: '10.1234/x',
      source: 'port.pdf',
    };
    expect(sourceDescription(details)).toBe(
      'Author: Leyla Aliyeva\nAuthor: Smith, J.\nPublished: May 2019\nPublication: Caspian Review: a journal\nURL: https://example.org/a?b=c\nDOI: 10.1234/x\nSource: port.pdf',
    );
    expect(parseSourceDescription(sourceDescription(details))).toEqual(details);
    const sparse = { ...details, authors: [], url: '', doi: '', source: 'two\nlines' };
    expect(parseSourceDescription(sourceDescription(sparse))).toEqual(sparse);
  });
});

describe('code point offsets', () => {
  it('go both ways across astral characters, ZWJ sequences and combining marks', () => {
    const text = 'a👩🏽‍🔬b ə̄ 🚢c';
    const toPoints = codePointOffsets(text);
    const toUnits = codeUnitOffsets(text);
    // Every offset at a code point boundary, as a code point index and back.
    const boundaries = [0];
    for (const ch of text) boundaries.push(boundaries.at(-1)! + ch.length);
    boundaries.forEach((unit, point) => {
      expect(toPoints(unit)).toBe(point);
      expect(toUnits(point)).toBe(unit);
    });
    expect(codeUnitOffsets('no astral ə̄')(5)).toBe(5);
  });
});
