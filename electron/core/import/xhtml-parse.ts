// XHTML (EPUB chapters, .xhtml pages) parsed as XML, the way a browser reads
// application/xhtml+xml: "<a id="x"/>", "<title/>" or "<script src="s.js"/>" close themselves
// there, while an HTML parser would take the rest of the file into them. A file that is not
// well-formed is read as HTML instead, with its self-closed tags closed first.
import type { DOMWindow } from 'jsdom';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const NAMED_ENTITY = /&([A-Za-z][A-Za-z0-9]{1,31});/g;
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source',
  'track', 'wbr', 'keygen', 'basefont', 'frame', 'isindex',
]); // prettier-ignore
// A start tag ending in "/>", attributes quoted or not.
const SELF_CLOSED =
  /<([A-Za-z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/>/g;

/** The parsed document: the XML reading when the file is well-formed, else an HTML one. */
export function parseXhtml(window: DOMWindow, source: string): Document {
  const parser = new window.DOMParser();
  const xml = parser.parseFromString(numericEntities(window, source), 'application/xhtml+xml');
  if (isWellFormed(xml)) return xml;
  return parser.parseFromString(closeSelfClosed(source), 'text/html');
}

/**
 * The same file as HTML source that an HTML parser reads as an XHTML reader would: serialised
 * from the XML reading (every element closed explicitly, CDATA as plain text), or, when the file
 * is not well-formed, with its self-closed tags closed.
 */
export function xhtmlAsHtml(window: DOMWindow, source: string): string {
  const parser = new window.DOMParser();
  const xml = parser.parseFromString(numericEntities(window, source), 'application/xhtml+xml');
  if (!isWellFormed(xml)) return closeSelfClosed(source);
  // An HTML parser reads "<![CDATA[…]]>" outside SVG and MathML as a comment: its text would go.
  const walker = xml.createTreeWalker(xml, window.NodeFilter.SHOW_CDATA_SECTION);
  const sections: Node[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) sections.push(node);
  for (const section of sections) {
    section.parentNode?.replaceChild(xml.createTextNode(section.nodeValue ?? ''), section);
  }
  return `<!DOCTYPE html>${xml.documentElement.outerHTML}`;
}

/** The element whose content is the text: body, or the root when there is none. */
export function contentRoot(document: Document): Element | null {
  return document.getElementsByTagName('body')[0] ?? document.documentElement;
}

function isWellFormed(document: Document): boolean {
  return (
    document.documentElement?.localName === 'html' &&
    document.getElementsByTagName('parsererror').length === 0
  );
}

/**
 * XML knows five named entities; XHTML files use HTML's (&nbsp;, &mdash;) from a DTD no parser
 * here reads. They become numeric references, decoded by an HTML parser so every HTML name is
 * known; a name HTML doesn't know either stays, and the file is then read as HTML.
 */
function numericEntities(window: DOMWindow, source: string): string {
  if (!source.includes('&')) return source;
  const decoder = window.document.createElement('textarea');
  const known = new Map<string, string>();
  return source.replace(NAMED_ENTITY, (whole, name: string) => {
    if (XML_ENTITIES.has(name)) return whole;
    let replacement = known.get(name);
    if (replacement === undefined) {
      decoder.innerHTML = whole;
      const text = decoder.value;
      replacement =
        text === whole
          ? whole
          : [...text].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
      known.set(name, replacement);
    }
    return replacement;
  });
}

function closeSelfClosed(source: string): string {
  return source.replace(SELF_CLOSED, (whole, tag: string, attributes: string) =>
    VOID.has(tag.toLowerCase()) ? whole : `<${tag}${attributes}></${tag}>`,
  );
}
