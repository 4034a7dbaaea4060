// Checks an imported file before any parsing (supported extension, size, text-ness) and turns
// its bytes into a string, deciding the encoding the way a browser would, then guessing.
import { isUtf8 } from 'node:buffer';
import { badFile } from '../errors';
import {
  TEXT_ENCODINGS,
  type EncodingSource,
  type TextEncodingName,
} from '../../shared/import-formats';
import { LIMITS } from '../../shared/model';
import { binarySignature, hasNul, utf16Pattern, type BinaryKind } from './binary-sniff';
import { declaredEncoding } from './charset-labels';
import { decodeAs, InvalidEncodingError, looksLikeIso2022Jp } from './decode-as';
import { alternativesTo, FALLBACK_ENCODING, rankEncodings } from './detect-encoding';
import { baseName } from './names';

// Files that may declare their own charset in <meta> or <?xml?>.
const MARKUP = /\.(?:html?|xht(?:ml)?|xml)$/i;

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  source: EncodingSource;
  /** Other encodings that fit the bytes, most likely first; never `encoding`. */
  alternatives: TextEncodingName[];
}

export interface DecodeOptions {
  /**
   * Whether the other encodings that fit are wanted (the import dialog shows them; importing
   * itself doesn't need them). Default: true.
   */
  alternatives?: boolean;
}

// The file-name helpers live apart so the main thread can use them without the decoders.
export { baseName, stem } from './names';

/**
 * The file's text. An encoding the analyst chose always wins. Otherwise, in order: a byte-order
 * mark; for a web page, the charset it declares (unless the bytes contradict it: a declared
 * UTF-8 that isn't valid goes on to detection, a declared legacy encoding yields to valid
 * non-ASCII UTF-8); UTF-16 without a mark, told by its NUL bytes
 * (checked before UTF-8 because NULs are valid UTF-8 but never in UTF-8 text); ISO-2022-JP's
 * escapes (7-bit, so it would pass as UTF-8); valid UTF-8; the detector's best guess. Only
 * binary files are refused: known signatures, and NULs in no UTF-16 pattern.
 */
export function decodeFile(
  fileName: string,
  bytes: Uint8Array,
  chosen?: TextEncodingName,
  wanted: DecodeOptions = {},
): DecodedText {
  const name = baseName(fileName);
  if (bytes.length === 0) throw badFile(`The file “${name}” is empty.`);
  if (bytes.length > LIMITS.importBytes) {
    const mb = LIMITS.importBytes / (1024 * 1024);
    throw badFile(`The file “${name}” is larger than ${mb} MB, the most that can be imported.`);
  }
  const kind = binarySignature(bytes);
  if (kind !== undefined) throw notText(name, kind);

  const done = (
    text: string,
    encoding: TextEncodingName,
    source: EncodingSource,
    alternatives: TextEncodingName[] = [],
  ): DecodedText => {
    if (text.includes('\u0000')) {
      throw source === 'chosen'
        ? badFile(
            `The file “${name}” doesn't read as text in ${labelOf(encoding)}; choose another.`,
          )
        : notText(name);
    }
    if (text.trim() === '') throw badFile(`The file “${name}” is empty.`);
    return { text, encoding, source, alternatives };
  };

  // The detector reads up to 64 KB (tens of ms): where it would only name alternatives, it runs
  // only when they are wanted.
  const alternatives = wanted.alternatives ?? true;
  if (chosen !== undefined) {
    if (!alternatives) return done(decodeAs(bytes, chosen, true), chosen, 'chosen');
    const ranked = hasNul(bytes) ? utf16Ranking(bytes) : rankEncodings(bytes);
    return done(decodeAs(bytes, chosen, true), chosen, 'chosen', alternativesTo(chosen, ranked));
  }

  const bom = bomEncoding(bytes);
  if (bom !== undefined) {
    try {
      return done(decodeAs(bytes, bom), bom, 'bom');
    } catch (error) {
      if (!(error instanceof InvalidEncodingError)) throw error;
      throw badFile(
        `The file “${name}” is damaged: it says it is ${labelOf(bom)} text, but not all of it ` +
          "is, so it can't be imported.",
      );
    }
  }

  const declared = MARKUP.test(name) ? declaredEncoding(bytes) : undefined;
  if (declared === 'utf-8' && isUtf8(bytes))
    return done(decodeAs(bytes, 'utf-8'), 'utf-8', 'declared');
  if (declared !== undefined && declared !== 'utf-8') {
    // A page re-saved as UTF-8 often keeps its old declaration. Legacy text that is also valid
    // UTF-8 with non-ASCII in it hardly exists, so then the bytes win over the label.
    if (isUtf8(bytes) && !isAscii(bytes)) {
      return done(decodeAs(bytes, 'utf-8'), 'utf-8', 'utf-8', [declared]);
    }
    const text = decodeAs(bytes, declared, true);
    if (!alternatives) return done(text, declared, 'declared');
    return done(text, declared, 'declared', alternativesTo(declared, rankEncodings(bytes)));
  }

  if (hasNul(bytes)) {
    const utf16 = utf16Pattern(bytes);
    if (utf16 === undefined) throw notText(name);
    try {
      return done(
        decodeAs(bytes, utf16),
        utf16,
        'detected',
        alternativesTo(utf16, utf16Ranking(bytes)),
      );
    } catch (error) {
      if (error instanceof InvalidEncodingError) throw notText(name);
      throw error;
    }
  }

  if (looksLikeIso2022Jp(bytes))
    return done(decodeAs(bytes, 'iso-2022-jp'), 'iso-2022-jp', 'detected');
  if (isUtf8(bytes)) return done(decodeAs(bytes, 'utf-8'), 'utf-8', 'utf-8');

  // Not UTF-8, so the detector's UTF guesses (it makes them on weak evidence) are left out.
  const ranked = rankEncodings(bytes).filter((e) => !e.startsWith('utf-'));
  const guess = ranked[0] ?? FALLBACK_ENCODING;
  return done(decodeAs(bytes, guess), guess, 'detected', alternativesTo(guess, ranked));
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

function bomEncoding(bytes: Uint8Array): TextEncodingName | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** For bytes with NULs the detector is no help: the two byte orders are the only candidates. */
function utf16Ranking(bytes: Uint8Array): TextEncodingName[] {
  const pattern = utf16Pattern(bytes);
  if (pattern === undefined) return [];
  return pattern === 'utf-16le' ? ['utf-16le', 'utf-16be'] : ['utf-16be', 'utf-16le'];
}

function labelOf(encoding: TextEncodingName): string {
  return TEXT_ENCODINGS.find((e) => e.name === encoding)?.label ?? encoding;
}

const BINARY_WHAT: Record<BinaryKind, string> = {
  // Reached only when a PDF or a package is read as text (sniff-format sends them elsewhere).
  pdf: "is a PDF, not a text file, so it can't be read as text.",
  zip:
    "is a ZIP archive that is not a Word, EPUB or OpenDocument text, so it can't be imported; " +
    'if it holds articles, unpack it and import them.',
  office:
    'is an older Microsoft Office document (such as a Word .doc). Open it in Word or ' +
    'LibreOffice, save it as .docx, and import that.',
  image: "is an image, not a text file, so it can't be imported.",
  compressed: "is compressed, not a text file, so it can't be imported; unpack it first.",
  other: "is not a text file, so it can't be imported.",
};

export function notText(name: string, kind: BinaryKind = 'other') {
  return badFile(`The file “${name}” ${BINARY_WHAT[kind]}`);
}
