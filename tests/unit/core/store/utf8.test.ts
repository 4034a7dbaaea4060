// encodeUtf8 gives Buffer.from's bytes for every kind of text, short and long.
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../../../../electron/core/store/utf8';

const long = (piece: string) => piece.repeat(Math.ceil(200_000 / piece.length));

describe('encodeUtf8', () => {
  it.each([
    ['empty', ''],
    ['short, beyond ASCII', 'Ə «ş» 🤝🏽 / \\ "q"'],
    ['long ASCII', long('plain text, / and ? and [x]\n')],
    ['long Latin-1', long('café – naïve ')],
    ['long, with emoji and other scripts', long('Azərbaycan Россия العربية 🤝🏽 ')],
    ['long, with lone surrogates', long('a\ud800b\udc00c')],
    ['long, a surrogate pair across the middle', `${'x'.repeat(100_000)}😀${'y'.repeat(100_000)}`],
    ['long, ending in a lone high surrogate', `${long('é')}\ud83d`],
  ])('%s', (_name, text) => {
    const bytes = encodeUtf8(text);
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
    // Its own buffer, cut to size: nothing of the room it was written in is kept.
    expect(bytes.buffer.byteLength).toBeLessThanOrEqual(Math.max(bytes.length, 8192));
  });
});
