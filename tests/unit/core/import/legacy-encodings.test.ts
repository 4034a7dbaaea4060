// Files in legacy encodings, written to disk with iconv-lite and read back as an import reads
// them: which encoding is decided, why, what the text becomes, and what else is offered.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFile } from '../../../../electron/core/import/decode';
import { decodeIso2022Jp } from '../../../../electron/core/import/decode-as';
import { importFile, legacy, previewImport } from '../../../../electron/core/import/index';
import { TEXT_ENCODINGS } from '../../../../electron/shared/import-formats';
import { blockTexts, expectValidDocument } from './expect-valid-document';

const folder = mkdtempSync(join(tmpdir(), 'legacy-encodings-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes `text` in `encoding` to a real file and returns the bytes read back from it. */
function legacyFile(name: string, text: string, encoding: string): Uint8Array {
  const path = join(folder, name);
  writeFileSync(path, iconv.encode(text, encoding, { addBOM: false }));
  return new Uint8Array(readFileSync(path));
}

// Every Windows-1252 character in 0x80-0x9F that Node's TextDecoder turns into a C1 control.
const SMART = '€ ‚ „ … ‘ ’ “ ” – —';

const ENGLISH =
  'The committee’s report – published on Tuesday – said the café owners had paid €4,000 in fees. ' +
  '“We were not told,” said Mr. Müller, whose restaurant stands near the Champs-Élysées… ' +
  'The naïve plan — critics say — would cost more than the façade’s renovation.';
const FRENCH =
  'Le comité a publié son rapport mardi. Les propriétaires du café ont payé des frais élevés, ' +
  "selon M. Müller, dont le restaurant se trouve près des Champs-Élysées. Il n'était pas informé.";
const CHINESE =
  '阿塞拜疆总统阿利耶夫周三会见了俄罗斯商界代表团。双方讨论了扩大两国经贸合作以及在能源领域' +
  '实施联合项目等问题。代表团成员表示，希望进一步加强投资往来。';
const RUSSIAN =
  'Президент Азербайджана Ильхам Алиев принял в среду делегацию российских деловых кругов. ' +
  'Стороны обсудили вопросы расширения торгово-экономического сотрудничества между двумя ' +
  'странами и реализацию совместных проектов в энергетике.';
// Windows-1254 has no ə: Azerbaijani text in it was written with ä, as here.
const AZERBAIJANI_1254 =
  'Azärbaycan Respublikasının Prezidenti çärşänbä günü Rusiya işgüzar dairälärinin ' +
  'nümayändä heyätini qäbul edib. Täräflär iki ölkä arasında ticarät-iqtisadi ämäkdaşlığın ' +
  'genişländirilmäsi mäsälälärini müzakirä ediblär. Şuşa, Ağdam, Gäncä, İsmayıllı.';
const AZERBAIJANI =
  'Xəzər dənizi boyunca bərə xətti yenidən işləyir. Gəmi Şuşa, Ağdam, Gəncə üçün yük daşıdı.';
const JAPANESE =
  'アゼルバイジャンのアリエフ大統領は水曜日、ロシアの経済界の代表団と会談した。' +
  '双方は両国間の貿易経済協力の拡大について協議した。';
const KOREAN =
  '아제르바이잔 대통령은 수요일 러시아 재계 대표단을 만났다. 양측은 두 나라 사이의 무역 협력 확대를 논의했다.';
const TRADITIONAL =
  '亞塞拜然總統阿利耶夫週三會見了俄羅斯商界代表團。雙方討論了擴大兩國經貿合作以及在能源領域實施聯合項目等問題。';

const page = (head: string, body: string) =>
  `<!DOCTYPE html>\n<html><head>${head}<title>Page</title></head>\n<body><article><p>${body}</p></article></body></html>`;

describe('the eight legacy files once refused as "not a text file"', () => {
  it('Windows-1252 text, with every character TextDecoder gets wrong', () => {
    const text = `${ENGLISH}\n${SMART}`;
    const bytes = legacyFile('report.txt', text, 'windows-1252');
    // The reason iconv-lite decodes legacy code pages: Node's own decoder loses these.
    expect(new TextDecoder('windows-1252').decode(bytes)).not.toContain('€');
    const decoded = decodeFile('report.txt', bytes);
    expect(decoded).toMatchObject({ text, encoding: 'windows-1252', source: 'detected' });
    expect(decoded.alternatives).not.toContain('windows-1252');
  });

  it('Latin-1 text is named windows-1252 (its superset, as WHATWG does), ISO-8859-1 next', () => {
    const bytes = legacyFile('rapport.txt', FRENCH, 'iso-8859-1');
    const decoded = decodeFile('rapport.txt', bytes);
    expect(decoded).toMatchObject({ text: FRENCH, encoding: 'windows-1252', source: 'detected' });
    expect(decoded.alternatives[0]).toBe('iso-8859-1');
  });

  it('GB2312 Chinese is read as GB18030, its superset', () => {
    const decoded = decodeFile('news.txt', legacyFile('news.txt', CHINESE, 'gb2312'));
    expect(decoded).toMatchObject({ text: CHINESE, encoding: 'gb18030', source: 'detected' });
  });

  it('UTF-16LE and UTF-16BE without a byte-order mark, by their NUL bytes', () => {
    const le = decodeFile('le.txt', legacyFile('le.txt', AZERBAIJANI, 'utf-16le'));
    expect(le).toEqual({
      text: AZERBAIJANI,
      encoding: 'utf-16le',
      source: 'detected',
      alternatives: ['utf-16be'],
    });
    const be = decodeFile('be.txt', legacyFile('be.txt', RUSSIAN, 'utf-16be'));
    expect(be).toMatchObject({ text: RUSSIAN, encoding: 'utf-16be', source: 'detected' });
  });

  it('HTML declaring <meta charset>', async () => {
    const source = page('<meta charset="windows-1251">', RUSSIAN);
    const bytes = legacyFile('meta.html', source, 'windows-1251');
    const decoded = decodeFile('meta.html', bytes);
    expect(decoded).toMatchObject({ text: source, encoding: 'windows-1251', source: 'declared' });
    const imported = await importFile('meta.html', bytes);
    expectValidDocument(imported.doc);
    expect(imported.doc.text).toBe(RUSSIAN);
    expect(legacy(imported)).toBe('windows-1251');
  });

  it('HTML declaring iso-8859-1 in <meta http-equiv>, decoded as browsers do (windows-1252)', () => {
    const body = `“Quoted” – ${SMART}`;
    const source = page(
      '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-1">',
      body,
    );
    const decoded = decodeFile('old.htm', legacyFile('old.htm', source, 'windows-1252'));
    expect(decoded).toMatchObject({ text: source, encoding: 'windows-1252', source: 'declared' });
  });

  it('XHTML declaring its encoding in <?xml?>', () => {
    const source = `<?xml version="1.0" encoding="Shift_JIS"?>\n${page('', JAPANESE)}`;
    const decoded = decodeFile('page.html', legacyFile('page.html', source, 'shift_jis'));
    expect(decoded).toMatchObject({ text: source, encoding: 'shift_jis', source: 'declared' });
  });
});

describe('more legacy text', () => {
  it('Windows-1251 Cyrillic', async () => {
    const bytes = legacyFile('xeber.txt', `Алиев принял делегацию\n\n${RUSSIAN}`, 'windows-1251');
    const imported = await importFile('xeber.txt', bytes);
    expect(imported).toMatchObject({ encoding: 'windows-1251', encodingSource: 'detected' });
    expect(blockTexts(imported.doc)).toEqual([
      { type: 'heading', level: 1, text: 'Алиев принял делегацию' },
      { type: 'paragraph', text: RUSSIAN },
    ]);
  });

  it('Azerbaijani in Windows-1254 (Turkish)', () => {
    const decoded = decodeFile('az.txt', legacyFile('az.txt', AZERBAIJANI_1254, 'windows-1254'));
    expect(decoded).toMatchObject({ text: AZERBAIJANI_1254, encoding: 'windows-1254' });
    expect(decoded.alternatives[0]).toBe('iso-8859-9');
  });

  it.each([
    ['koi8-r', RUSSIAN, 'koi8-r'],
    ['shift_jis', JAPANESE, 'shift_jis'],
    ['euc-kr', KOREAN, 'euc-kr'],
    ['big5', TRADITIONAL, 'big5'],
    ['gbk', CHINESE, 'gb18030'],
    ['cp1252', ENGLISH, 'windows-1252'],
  ])('the detector picks %s for a realistic paragraph', (written, text, expected) => {
    const decoded = decodeFile('p.txt', legacyFile(`${written}.txt`, text, written));
    expect(decoded).toMatchObject({ text, encoding: expected, source: 'detected' });
    expect(decoded.alternatives.length).toBeLessThanOrEqual(5);
    const names = TEXT_ENCODINGS.map((e) => e.name as string);
    for (const alternative of decoded.alternatives) expect(names).toContain(alternative);
  });

  it('ISO-2022-JP, which is 7-bit and would otherwise pass as UTF-8', () => {
    // Node's TextDecoder is a fair judge here: it is only the Windows code pages it gets wrong.
    const jis = (text: string) => [...iconv.encode(text, 'euc-jp')].map((b) => b & 0x7f);
    const ascii = (text: string) => [...Buffer.from(text, 'ascii')];
    const [esc, toJis, toAscii, toKana] = [0x1b, [0x24, 0x42], [0x28, 0x42], [0x28, 0x49]];
    const bytes = Uint8Array.from([
      ...[esc, ...toJis, ...jis('日本人')],
      ...[esc, ...toAscii, ...ascii(' News: ')],
      ...[esc, ...toJis, ...jis('は')],
      ...[esc, ...toAscii, ...ascii('Japan\n')],
      ...[esc, ...toKana, 0x31, 0x32, 0x33],
    ]);
    expect(decodeIso2022Jp(bytes)).toBe(new TextDecoder('iso-2022-jp').decode(bytes));
    const decoded = decodeFile('jp.txt', bytes);
    expect(decoded).toMatchObject({ encoding: 'iso-2022-jp', source: 'detected' });
    expect(decoded.text).toBe('日本人 News: はJapan\nｱｲｳ');
  });

  it('UTF-8 wins when the bytes are valid UTF-8, with nothing else offered', () => {
    const bytes = new TextEncoder().encode(RUSSIAN);
    expect(decodeFile('u.txt', bytes)).toEqual({
      text: RUSSIAN,
      encoding: 'utf-8',
      source: 'utf-8',
      alternatives: [],
    });
  });
});

describe('declarations that are passed over', () => {
  it('a label no encoding has falls through to detection', () => {
    const source = page('<meta charset="x-no-such-charset"><meta charset="utf-8">', ENGLISH);
    // The second meta is valid but the bytes are Windows-1252: UTF-8 can't be right.
    const decoded = decodeFile('p.html', legacyFile('unknown.html', source, 'windows-1252'));
    expect(decoded).toMatchObject({ text: source, encoding: 'windows-1252', source: 'detected' });
  });

  it('a declaration inside a comment, or in a Markdown or text file, counts for nothing', () => {
    const source = page('<!-- <meta charset="koi8-r"> -->', ENGLISH);
    const html = decodeFile('c.html', legacyFile('comment.html', source, 'windows-1252'));
    expect(html).toMatchObject({ encoding: 'windows-1252', source: 'detected' });
    const text = `<meta charset="koi8-r">\n${ENGLISH}`;
    const md = decodeFile('c.md', legacyFile('c.md', text, 'windows-1252'));
    expect(md).toMatchObject({ encoding: 'windows-1252', source: 'detected' });
  });

  it('a legacy declaration yields to bytes that are valid UTF-8, offered as the alternative', () => {
    // A page re-saved as UTF-8 that kept its old <meta>: the label would make mojibake of it.
    const source = page('<meta charset="windows-1251">', RUSSIAN);
    expect(decodeFile('resaved.html', new TextEncoder().encode(source))).toEqual({
      text: source,
      encoding: 'utf-8',
      source: 'utf-8',
      alternatives: ['windows-1251'],
    });
    // Pure ASCII is valid in both, so there the declaration stands.
    const ascii = page('<meta charset="windows-1251">', 'Plain words.');
    expect(decodeFile('a.html', new TextEncoder().encode(ascii))).toMatchObject({
      encoding: 'windows-1251',
      source: 'declared',
    });
  });

  it('a UTF-16 declaration found by an ASCII scan means UTF-8', () => {
    const source = page('<meta charset="utf-16">', 'Şuşa');
    expect(decodeFile('x.html', new TextEncoder().encode(source))).toMatchObject({
      text: source,
      encoding: 'utf-8',
      source: 'declared',
    });
  });
});

describe('an encoding the analyst chose', () => {
  it('always wins, and the detector still offers its own ranking', () => {
    const bytes = legacyFile('chosen.txt', RUSSIAN, 'windows-1251');
    const decoded = decodeFile('chosen.txt', bytes, 'koi8-r');
    expect(decoded.source).toBe('chosen');
    expect(decoded.encoding).toBe('koi8-r');
    expect(decoded.text).toBe(iconv.decode(Buffer.from(bytes), 'koi8-r'));
    expect(decoded.text).not.toBe(RUSSIAN);
    expect(decoded.alternatives[0]).toBe('windows-1251');
    expect(decoded.alternatives).not.toContain('koi8-r');
  });

  it('reads the same without the ranking when alternatives are not wanted (importing)', () => {
    const bytes = legacyFile('chosen.txt', RUSSIAN, 'windows-1251');
    const plain = decodeFile('chosen.txt', bytes, 'windows-1251', { alternatives: false });
    const { alternatives: _ranked, ...full } = decodeFile('chosen.txt', bytes, 'windows-1251');
    expect(plain).toEqual({ ...full, alternatives: [] });
    const declared = page('<meta charset="windows-1251">', 'Plain words.');
    const encoded = new TextEncoder().encode(declared);
    expect(decodeFile('a.html', encoded, undefined, { alternatives: false })).toEqual({
      text: declared,
      encoding: 'windows-1251',
      source: 'declared',
      alternatives: [],
    });
  });

  it('wins over a byte-order mark and a declaration', () => {
    const source = page('<meta charset="windows-1251">', 'café');
    const bytes = legacyFile('mark.html', source, 'iso-8859-1');
    expect(decodeFile('mark.html', bytes, 'iso-8859-1')).toMatchObject({
      text: source,
      source: 'chosen',
    });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xe9]);
    expect(decodeFile('bom.txt', bom, 'windows-1252').text).toBe('ï»¿Aé');
  });

  it('keeps ISO-8859-1 and Windows-1252 apart when chosen', () => {
    const bytes = legacyFile('euro.txt', '€5 „quoted“', 'windows-1252');
    expect(decodeFile('euro.txt', bytes, 'windows-1252').text).toBe('€5 „quoted“');
    expect(decodeFile('euro.txt', bytes, 'iso-8859-1').text).toBe('\u00805 \u0084quoted\u0093');
  });

  it('refuses a choice that makes NULs of the bytes, naming the encoding', () => {
    const bytes = legacyFile('u16.txt', AZERBAIJANI, 'utf-16le');
    expect(() => decodeFile('u16.txt', bytes, 'windows-1252')).toThrow(
      "The file “u16.txt” doesn't read as text in Western (Windows-1252); choose another.",
    );
    expect(decodeFile('u16.txt', bytes, 'utf-16le').text).toBe(AZERBAIJANI);
  });
});

describe('binary files', () => {
  const withText = (signature: number[]) =>
    Uint8Array.from([...signature, ...new TextEncoder().encode(' some text after the signature')]);

  it.each([
    [
      'paper.pdf.txt',
      [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37],
      "is a PDF, not a text file, so it can't be read as text.",
    ],
    [
      'report.txt',
      [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00],
      "is a ZIP archive that is not a Word, EPUB or OpenDocument text, so it can't be imported; if it holds articles, unpack it and import them.",
    ],
    [
      'old.txt',
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      'is an older Microsoft Office document (such as a Word .doc). Open it in Word or LibreOffice, save it as .docx, and import that.',
    ],
    ['scan.md', [0xff, 0xd8, 0xff, 0xe0], "is an image, not a text file, so it can't be imported."],
    [
      'anim.html',
      [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
      "is an image, not a text file, so it can't be imported.",
    ],
    [
      'notes.txt',
      [0x1f, 0x8b, 0x08, 0x00],
      "is compressed, not a text file, so it can't be imported; unpack it first.",
    ],
    [
      'data.txt',
      [0x01, 0x00, 0x00, 0x02, 0x00, 0x07, 0x00, 0x00, 0xff, 0x00],
      "is not a text file, so it can't be imported.",
    ],
  ])('refuses %s by its first bytes', (name, signature, what) => {
    expect(() => decodeFile(name, withText(signature))).toThrow(`The file “${name}” ${what}`);
  });

  it('reads text that merely begins like a signature', () => {
    const text = 'GIF images and BZh archives are not this file.';
    expect(decodeFile('gif.txt', new TextEncoder().encode(text)).text).toBe(text);
  });
});

describe('previewImport', () => {
  it('shows the guessed encoding, the alternatives, the title and the start of the text', async () => {
    const text = `Alievin çıxışı\n\n${AZERBAIJANI_1254}\n\n${AZERBAIJANI_1254}`;
    const bytes = legacyFile('cixis.txt', text, 'windows-1254');
    const preview = await previewImport('C:\\Downloads\\cixis.txt', bytes);
    expect(preview).toMatchObject({
      fileName: 'cixis.txt',
      format: 'text',
      encoding: 'windows-1254',
      encodingSource: 'detected',
      title: 'Alievin çıxışı',
    });
    expect(preview.alternatives[0]).toBe('iso-8859-9');
    expect(preview.alternatives).not.toContain('windows-1254');
    expect(preview.sample).toBe(text);

    const again = await previewImport('cixis.txt', bytes, 'windows-1252');
    expect(again).toMatchObject({ encoding: 'windows-1252', encodingSource: 'chosen' });
    expect(again.title).toBe('Alievin ç\u00fdx\u00fd\u00fe\u00fd');
    expect(again.alternatives[0]).toBe('windows-1254');
  });

  it('cuts the sample to the first 3000 characters', async () => {
    const long = `Heading\n\n${RUSSIAN.repeat(40)}`;
    const preview = await previewImport('long.txt', legacyFile('long.txt', long, 'windows-1251'));
    expect(preview.sample).toBe(long.slice(0, 3000));
  });
});
