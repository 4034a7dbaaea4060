// A small XML writer for QDA-XML: elements in exactly the order the schema's sequences demand,
// attributes in the order given (so the same project gives the same bytes), text kept exactly.

export interface XmlElement {
  name: string;
  attrs: ReadonlyArray<readonly [string, string]>;
  /** Child elements, or the element's text: never both (QDA-XML has no mixed content). */
  content: XmlElement[] | string;
}

type AttrValue = string | number | boolean | undefined;

/** Absent values are left out; booleans are written as `true` / `false`, never bare. */
function attrsOf(attrs: Record<string, AttrValue>): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) out.push([name, String(value)]);
  }
  return out;
}

/** An element with children; `undefined` and `false` children are skipped (optional parts). */
export function element(
  name: string,
  attrs: Record<string, AttrValue> = {},
  children: ReadonlyArray<XmlElement | undefined | false> = [],
): XmlElement {
  return {
    name,
    attrs: attrsOf(attrs),
    content: children.filter((c): c is XmlElement => Boolean(c)),
  };
}

/** An element holding text (a Description, a PlainTextContent, a TextValue). */
export function textElement(
  name: string,
  text: string,
  attrs: Record<string, AttrValue> = {},
): XmlElement {
  return { name, attrs: attrsOf(attrs), content: text };
}

/**
 * Characters XML 1.0 can't carry at all, not even as references (C0 controls but tab and line
 * ends, lone surrogates, U+FFFE/U+FFFF): each becomes U+FFFD in the XML. The sources' .txt files
 * keep them, so positions never shift.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // A parser turns a raw CR (and CRLF) into LF: written as a reference, it survives.
  '\r': '&#13;',
};
// In an attribute a parser also turns tabs and line ends into spaces unless they are references.
const ATTR_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  '\n': '&#10;',
  '\t': '&#9;',
};

export const escapeText = (text: string) =>
  text.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);

export const escapeAttr = (value: string) =>
  value.replace(NOT_XML, '\uFFFD').replace(/[&<>\r"\n\t]/g, (c) => ATTR_ESCAPES[c]!);

function write(node: XmlElement, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = node.attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (typeof node.content === 'string') {
    out.push(`${pad}<${node.name}${attrs}>${escapeText(node.content)}</${node.name}>`);
  } else if (node.content.length === 0) {
    out.push(`${pad}<${node.name}${attrs}/>`);
  } else {
    out.push(`${pad}<${node.name}${attrs}>`);
    // Indentation only between elements: the schema's element-only content ignores it.
    for (const child of node.content) write(child, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  }
}

/** The document: declaration, then the root, indented, ending in a newline. */
export function serializeXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  write(root, 0, out);
  return out.join('\n') + '\n';
}
