// The XML inside office and e-book packages (ODT content, OPF, NCX, core properties) as a small
// ordered tree: elements keep their qualified names, attributes and children in document order.
// Parsed by fast-xml-parser, loaded on first use.
import { declaredEncoding } from './charset-labels';
import { decodeAs } from './decode-as';

export interface XmlElement {
  /** The qualified name as written ("text:p", "dc:title", "rootfile"). */
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** fast-xml-parser's preserveOrder shape: one key per node, attributes under ":@". */
type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * The document as a tree whose root stands for the document itself (name "#document"). Never
 * throws on sloppy XML: the parser is lenient and a part it can't make sense of comes out thin,
 * which the importers then report as missing.
 */
export async function parseXml(xml: string): Promise<XmlElement> {
  const { XMLParser } = await import('fast-xml-parser');
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Spaces between inline elements are words' edges ("<b>bold</b> text"), so none is trimmed.
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    // Also decodes numeric character references, which the XML entities alone leave as written.
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // CDATA is text like any other.
    cdataPropName: false,
    commentPropName: false,
  });
  const ordered = parser.parse(xml) as OrderedNode[];
  return { name: '#document', attrs: {}, children: ordered.flatMap(toNode) };
}

function toNode(node: OrderedNode): XmlNode[] {
  for (const key of Object.keys(node)) {
    if (key === ':@') continue;
    const value = node[key];
    if (key === '#text') return typeof value === 'string' && value !== '' ? [value] : [];
    const children = Array.isArray(value) ? (value as OrderedNode[]).flatMap(toNode) : [];
    return [{ name: key, attrs: node[':@'] ?? {}, children }];
  }
  return [];
}

/** A package part's bytes as text: a byte-order mark or the XML declaration decide, else UTF-8. */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be', true);
  const declared = declaredEncoding(bytes);
  // Damaged UTF-8 shows as U+FFFD rather than losing the whole part.
  return decodeAs(bytes, declared ?? 'utf-8', true);
}

/** The name without its namespace prefix: OPF and container files vary in the prefixes they use. */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object';
}

/** The element children, all of them or those with a local name. */
export function childElements(parent: XmlElement, local?: string): XmlElement[] {
  return parent.children.filter(
    (c): c is XmlElement => isElement(c) && (local === undefined || localName(c.name) === local),
  );
}

export function firstChild(parent: XmlElement, local: string): XmlElement | undefined {
  return parent.children.find((c): c is XmlElement => isElement(c) && localName(c.name) === local);
}

/** The first element with a local name anywhere below `parent`, depth first. */
export function findElement(parent: XmlElement, local: string): XmlElement | undefined {
  for (const child of parent.children) {
    if (!isElement(child)) continue;
    if (localName(child.name) === local) return child;
    const found = findElement(child, local);
    if (found) return found;
  }
  return undefined;
}

/** Every element with a local name below `parent`, in document order (not below a match). */
export function findElements(parent: XmlElement, local: string, out: XmlElement[] = []) {
  for (const child of parent.children) {
    if (!isElement(child)) continue;
    if (localName(child.name) === local) out.push(child);
    else findElements(child, local, out);
  }
  return out;
}

/** An attribute by its local name, whatever prefix the file gave it ("opf:role" or "role"). */
export function attribute(element: XmlElement, local: string): string | undefined {
  if (element.attrs[local] !== undefined) return element.attrs[local];
  for (const [name, value] of Object.entries(element.attrs)) {
    if (localName(name) === local) return value;
  }
  return undefined;
}

/** All the text below a node, as written. */
export function textContent(node: XmlNode): string {
  if (!isElement(node)) return node;
  let out = '';
  for (const child of node.children) out += textContent(child);
  return out;
}

/** Text for a label or a metadata field: one line, trimmed. */
export function fieldText(node: XmlNode | undefined): string {
  return node === undefined ? '' : textContent(node).replace(/\s+/g, ' ').trim();
}
