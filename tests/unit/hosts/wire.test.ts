// The browser host's framing of getArticleView's answer: the body's text beside the JSON, back
// in place exactly, and kept in the JSON when UTF-8 could not carry it exactly.
import { describe, expect, it } from 'vitest';
import { decodeTextAnswer, encodeTextAnswer, utf8Exactly } from '../../hosts/browser/wire';

const utf8 = (body: { text: string }) => utf8Exactly(body.text);
const roundTrip = (envelope: Parameters<typeof encodeTextAnswer>[0], utf8Of = utf8) => {
  const framed = encodeTextAnswer(envelope, utf8Of);
  return decodeTextAnswer(framed);
};

describe('encodeTextAnswer / decodeTextAnswer', () => {
  it('brings back an article view with its text, other scripts and line breaks included', () => {
    const envelope = {
      ok: true,
      value: {
        record: { id: 'a1', title: 'Şəhər “quoted”' },
        body: { hash: 'h1', text: 'Xəbər министр 😀\n\t"x"\\y', blocks: [0, 0, 5] },
        annotations: [['n1', 0, 5, [0], 'a *comment*', '2024-06-11T11:43:51.000Z', 0]],
        quoteContext: 32,
      },
    };
    expect(roundTrip(envelope)).toEqual(envelope);
  });

  it('leaves the text out of the JSON, and carries an answer without a body or an error alike', () => {
    const text = 'z'.repeat(10_000);
    const framed = encodeTextAnswer({ ok: true, value: { body: { text } } }, utf8);
    const json = new TextDecoder().decode(
      framed.subarray(4, 4 + new DataView(framed.buffer).getUint32(0, true)),
    );
    expect(json).not.toContain('zzz');
    expect(roundTrip({ ok: true, value: { body: { text: '' } } })).toEqual({
      ok: true,
      value: { body: { text: '' } },
    });
    const known = { ok: true, value: { record: { id: 'a1' }, quoteContext: 32 } };
    expect(roundTrip(known)).toEqual(known);
    const error = { ok: false, error: { code: 'not-found', message: 'No such article.' } };
    expect(roundTrip(error)).toEqual(error);
  });

  it('keeps a text UTF-8 cannot carry (a lone surrogate) in the JSON, unchanged', () => {
    const envelope = { ok: true, value: { body: { text: 'half \ud83d of a pair, 😀 whole' } } };
    expect(utf8Exactly(envelope.value.body.text)).toBeNull();
    expect(utf8Exactly('😀 whole')).not.toBeNull();
    expect(roundTrip(envelope)).toEqual(envelope);
  });

  it('refuses an answer cut short', () => {
    const framed = encodeTextAnswer({ ok: true, value: { body: { text: 'abc' } } }, utf8);
    expect(() => decodeTextAnswer(framed.subarray(0, 3))).toThrow(/cut short/);
    expect(() => decodeTextAnswer(framed.subarray(0, 6))).toThrow(/cut short/);
  });
});
