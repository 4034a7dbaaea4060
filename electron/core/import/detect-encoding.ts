// A statistical guess at a legacy file's encoding: chardet's ranking (ICU's detector, ported),
// mapped onto our TEXT_ENCODINGS names, with the runners-up as alternatives the analyst can pick.
import { analyse, type EncodingName } from 'chardet';
import type { TextEncodingName } from '../../shared/import-formats';

/**
 * chardet's names onto ours. It already tells ISO-8859-1 from windows-1252 (and 8859-2/7/8/9
 * from windows-1250/3/5/4) by whether the bytes use 0x80-0x9F; where they don't, the two decode
 * alike, and we name the Windows superset as WHATWG does for the ISO-8859-1 and -9 labels, with
 * the ISO name next among the alternatives. ISO-2022-CN and -KR, UTF-32 and the generic
 * "mbcs"/"sbcs" have no counterpart here and are left out.
 */
const NAMES: Partial<Record<EncodingName, readonly TextEncodingName[]>> = {
  'UTF-8': ['utf-8'],
  'UTF-16LE': ['utf-16le'],
  'UTF-16BE': ['utf-16be'],
  'ISO-8859-1': ['windows-1252', 'iso-8859-1'],
  'windows-1252': ['windows-1252'],
  'ISO-8859-2': ['iso-8859-2', 'windows-1250'],
  'windows-1250': ['windows-1250'],
  'ISO-8859-5': ['iso-8859-5'],
  'windows-1251': ['windows-1251'],
  'KOI8-R': ['koi8-r', 'koi8-u'],
  'ISO-8859-6': ['iso-8859-6'],
  'windows-1256': ['windows-1256'],
  'ISO-8859-7': ['iso-8859-7'],
  'windows-1253': ['windows-1253'],
  'ISO-8859-8': ['iso-8859-8'],
  'windows-1255': ['windows-1255'],
  'ISO-8859-9': ['windows-1254', 'iso-8859-9'],
  'windows-1254': ['windows-1254'],
  'windows-1257': ['windows-1257'],
  'windows-1258': ['windows-1258'],
  'windows-874': ['windows-874'],
  GB18030: ['gb18030'],
  Big5: ['big5'],
  Shift_JIS: ['shift_jis'],
  'EUC-JP': ['euc-jp'],
  'ISO-2022-JP': ['iso-2022-jp'],
  'EUC-KR': ['euc-kr'],
};

/** Enough text for a confident guess; the detector's time grows with what it reads. */
const SAMPLE_BYTES = 64 * 1024;

/** When the detector recognises nothing: the web's default for unlabelled Western pages. */
export const FALLBACK_ENCODING: TextEncodingName = 'windows-1252';

/** Encodings that fit the bytes, most likely first, each once; empty when nothing fits. */
export function rankEncodings(bytes: Uint8Array): TextEncodingName[] {
  let sample = bytes.subarray(0, SAMPLE_BYTES);
  // Cut at the last line end, so a multi-byte character split by the cut isn't held against the
  // right encoding. ASCII line ends never occur inside the multi-byte encodings we detect.
  const lineEnd = sample.length < bytes.length ? sample.lastIndexOf(0x0a) : -1;
  if (lineEnd > SAMPLE_BYTES / 2) sample = sample.subarray(0, lineEnd + 1);
  const ranked: TextEncodingName[] = [];
  for (const match of analyse(sample)) {
    if (match.confidence <= 0) continue;
    for (const name of NAMES[match.name] ?? []) if (!ranked.includes(name)) ranked.push(name);
  }
  return ranked;
}

/** How many alternatives an import offers: more is noise to choose from. */
export const MAX_ALTERNATIVES = 5;

/** The ranking without `chosen`, cut to MAX_ALTERNATIVES. */
export function alternativesTo(
  chosen: TextEncodingName,
  ranked: readonly TextEncodingName[],
): TextEncodingName[] {
  return ranked.filter((name) => name !== chosen).slice(0, MAX_ALTERNATIVES);
}
