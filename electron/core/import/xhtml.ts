// An .xhtml page (HTML served as XML) -> canonical document through the web page importer: the
// file is read as XML first, so self-closed tags, CDATA and HTML entities mean what an XHTML
// reader takes them to mean, then handed over as HTML. The page logic stays in html.ts alone.
import { importHtml, type ImportedPage } from './html';
import { xhtmlAsHtml } from './xhtml-parse';

export async function importXhtml(
  source: string,
  fileName: string,
  fallbackTitle: string,
): Promise<ImportedPage> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const dom = new JSDOM('', { virtualConsole: new VirtualConsole() });
  try {
    return importHtml(xhtmlAsHtml(dom.window, source), fileName, fallbackTitle);
  } finally {
    dom.window.close();
  }
}
