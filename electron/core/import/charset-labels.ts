// What a page says its encoding is: the WHATWG encoding labels mapped onto our TEXT_ENCODINGS
// names, and a prescan of a page's first bytes for <?xml encoding?> and <meta> charset.
import type { TextEncodingName } from '../../shared/import-formats';

// From the WHATWG Encoding Standard's label table, for the encodings we offer. As there, the
// ISO-8859-1 and ASCII labels mean windows-1252 and the ISO-8859-9 labels windows-1254: pages
// declaring them were written and proof-read in browsers that decode them that way, so curly
// quotes and € in 0x80-0x9F are what their authors saw.
const LABELS: Record<TextEncodingName, readonly string[]> = {
  'utf-8': ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8'],
  'utf-16le': ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le'],
  'utf-16be': ['unicodefffe', 'utf-16be'],
  'windows-1252': [
    'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
    'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1',
    'us-ascii', 'windows-1252', 'x-cp1252',
  ],
  // Only reachable by choosing it: every label for it means windows-1252 (above).
  'iso-8859-1': [],
  'iso-8859-15': ['csisolatin9', 'iso-8859-15', 'iso8859-15', 'iso885915', 'iso_8859-15', 'l9'],
  macintosh: ['csmacintosh', 'mac', 'macintosh', 'x-mac-roman'],
  'windows-1250': ['cp1250', 'windows-1250', 'x-cp1250'],
  'iso-8859-2': [
    'csisolatin2', 'iso-8859-2', 'iso-ir-101', 'iso8859-2', 'iso88592', 'iso_8859-2',
    'iso_8859-2:1987', 'l2', 'latin2',
  ],
  'windows-1251': ['cp1251', 'windows-1251', 'x-cp1251'],
  'koi8-r': ['cskoi8r', 'koi', 'koi8', 'koi8-r', 'koi8_r'],
  'koi8-u': ['koi8-ru', 'koi8-u'],
  'iso-8859-5': [
    'csisolatincyrillic', 'cyrillic', 'iso-8859-5', 'iso-ir-144', 'iso8859-5', 'iso88595',
    'iso_8859-5', 'iso_8859-5:1988',
  ],
  'windows-1253': ['cp1253', 'windows-1253', 'x-cp1253'],
  'iso-8859-7': [
    'csisolatingreek', 'ecma-118', 'elot_928', 'greek', 'greek8', 'iso-8859-7', 'iso-ir-126',
    'iso8859-7', 'iso88597', 'iso_8859-7', 'iso_8859-7:1987', 'sun_eu_greek',
  ],
  'windows-1254': [
    'cp1254', 'csisolatin5', 'iso-8859-9', 'iso-ir-148', 'iso8859-9', 'iso88599', 'iso_8859-9',
    'iso_8859-9:1989', 'l5', 'latin5', 'windows-1254', 'x-cp1254',
  ],
  // Chosen only, like iso-8859-1: its labels mean windows-1254.
  'iso-8859-9': [],
  'windows-1255': ['cp1255', 'windows-1255', 'x-cp1255'],
  'windows-1256': ['cp1256', 'windows-1256', 'x-cp1256'],
  'windows-1257': ['cp1257', 'windows-1257', 'x-cp1257'],
  'windows-1258': ['cp1258', 'windows-1258', 'x-cp1258'],
  'windows-874': ['dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911', 'tis-620', 'windows-874'],
  'iso-8859-6': [
    'arabic', 'asmo-708', 'csiso88596e', 'csiso88596i', 'csisolatinarabic', 'ecma-114',
    'iso-8859-6', 'iso-8859-6-e', 'iso-8859-6-i', 'iso-ir-127', 'iso8859-6', 'iso88596',
    'iso_8859-6', 'iso_8859-6:1987',
  ],
  'iso-8859-8': [
    'csiso88598e', 'csisolatinhebrew', 'hebrew', 'iso-8859-8', 'iso-8859-8-e', 'iso-ir-138',
    'iso8859-8', 'iso88598', 'iso_8859-8', 'iso_8859-8:1988', 'visual', 'csiso88598i',
    'iso-8859-8-i', 'logical',
  ],
  // GBK and GB2312 labels too: GB18030 is their superset, so their pages decode the same.
  gb18030: [
    'gb18030', 'chinese', 'csgb2312', 'csiso58gb231280', 'gb2312', 'gb_2312', 'gb_2312-80', 'gbk',
    'iso-ir-58', 'x-gbk',
  ],
  big5: ['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5'],
  shift_jis: [
    'csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'shift_jis', 'sjis', 'windows-31j', 'x-sjis',
  ],
  'euc-jp': ['cseucpkdfmtjapanese', 'euc-jp', 'x-euc-jp'],
  'iso-2022-jp': ['csiso2022jp', 'iso-2022-jp'],
  'euc-kr': [
    'cseuckr', 'csksc56011987', 'euc-kr', 'iso-ir-149', 'korean', 'ks_c_5601-1987',
    'ks_c_5601-1989', 'ksc5601', 'ksc_5601', 'windows-949',
  ],
}; // prettier-ignore

const BY_LABEL = new Map<string, TextEncodingName>(
  Object.entries(LABELS).flatMap(([name, labels]) =>
    labels.map((label) => [label, name as TextEncodingName] as const),
  ),
);

/** The encoding a label names (case and surrounding space ignored), or undefined if unknown. */
export function encodingForLabel(label: string): TextEncodingName | undefined {
  return BY_LABEL.get(label.trim().toLowerCase());
}

/** How far into a page its declaration is looked for: WHATWG says 1024; some heads run longer. */
const PRESCAN_BYTES = 4096;
const XML_DECLARATION = /^<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/;
const META = /<meta\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const CONTENT_CHARSET = /charset\s*=\s*["']?([^\s"';]+)/i;

/**
 * The encoding a page declares in its first bytes, read as ASCII as the WHATWG prescan does:
 * an XML declaration at the very start, else the first <meta charset> or
 * <meta http-equiv=content-type content="…charset=…"> outside comments that names an encoding.
 * Labels we don't know are passed over, so without a known one detection decides. A UTF-16 declaration found by an ASCII scan
 * can't be true (UTF-16 bytes don't read as ASCII), so, as in browsers, it means UTF-8.
 */
export function declaredEncoding(bytes: Uint8Array): TextEncodingName | undefined {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES)).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const xml = XML_DECLARATION.exec(head)?.[1];
  const found = (xml !== undefined ? encodingForLabel(xml) : undefined) ?? metaEncoding(head);
  return found === 'utf-16le' || found === 'utf-16be' ? 'utf-8' : found;
}

function metaEncoding(head: string): TextEncodingName | undefined {
  for (const [, attributes = ''] of head.matchAll(META)) {
    const attrs = new Map<string, string>();
    for (const m of attributes.matchAll(ATTRIBUTE)) {
      const name = m[1]!.toLowerCase();
      if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '');
    }
    let label = attrs.get('charset');
    if (label === undefined && attrs.get('http-equiv')?.toLowerCase() === 'content-type') {
      label = CONTENT_CHARSET.exec(attrs.get('content') ?? '')?.[1];
    }
    // As in the WHATWG prescan, a meta whose label names no encoding is passed over.
    const encoding = label === undefined ? undefined : encodingForLabel(label);
    if (encoding !== undefined) return encoding;
  }
  return undefined;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}
