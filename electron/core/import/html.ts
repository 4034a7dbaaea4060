// A saved web page -> canonical document: jsdom parses it (no scripts, no network), Readability
// finds the article, and our own walk extracts text and marks. The HTML itself is never kept.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { CanonicalDocument } from '../../shared/model';
import { badFile } from '../errors';
import { cleanTitle, DocumentBuilder } from './document-builder';
import { detailsFrom } from './file-metadata';
import { pageMetadataBefore, withReadability } from './html-metadata';
import { readableLength, walkHtml } from './html-walk';
import { webUrl } from './safe-url';

export interface ImportedPage {
  doc: CanonicalDocument;
  /** The page's declared http(s) address, if any; the caller falls back to the file name. */
  url?: string;
}

/** Below this much text (or half the page's, if less), Readability has picked a fragment. */
const MIN_ARTICLE_CHARS = 250;

/**
 * Whether Readability's article (its readable characters) is worth more than the whole body.
 * The body is measured only when needed: on a long page that costs as much as the walk itself.
 */
export function isEnoughArticle(articleChars: number, bodyChars: () => number): boolean {
  if (articleChars >= MIN_ARTICLE_CHARS) return true;
  return articleChars > 0 && articleChars >= bodyChars() / 2;
}

export function importHtml(html: string, fileName: string, fallbackTitle: string): ImportedPage {
  // No runScripts and no resources option: jsdom then neither executes scripts nor fetches
  // anything (images, stylesheets, frames). The silent console keeps CSS parse noise out of logs.
  const parsePage = () => new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const dom = parsePage();
  // Readability rewrites the tree it is given. It gets the page itself: a copy for it cost a
  // tenth of an import. The page as it was is parsed again only when the article falls short.
  let pristine: JSDOM | undefined;
  const pristineBody = () => (pristine ??= parsePage()).window.document.body;
  try {
    const document = dom.window.document;
    const url = pageUrl(document);
    const baseUrl = webUrl(document.querySelector('base[href]')?.getAttribute('href')) ?? url;
    const pageTitle = document.title.trim();
    const pageHeadings = [...document.querySelectorAll('h1')].map((h) => norm(h.textContent));
    const pageMeta = pageMetadataBefore(document);

    const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
    const content = article?.content;
    const title = article?.title?.trim() || pageTitle;

    let builder = new DocumentBuilder('collapse');
    let headlineBlocks = 0;
    const bodyChars = () => {
      const body = pristineBody();
      return body ? readableLength(body) : 0;
    };
    if (content != null && isEnoughArticle(readableLength(content), bodyChars)) {
      const headline = removedHeadline(pageHeadings, content, title);
      if (headline !== undefined) {
        builder.addBlock('heading', [{ text: headline, marks: [] }], { level: 1 });
        headlineBlocks = 1;
      }
      walkHtml(content, builder, { baseUrl });
    }
    const body = builder.blockCount <= headlineBlocks ? pristineBody() : null;
    if (body) {
      // No article, or one that is all headline: the page's own body is the better guess.
      builder = new DocumentBuilder('collapse');
      walkHtml(body, builder, { baseUrl, skipChrome: true });
    }

    if (builder.blockCount === 0) throw badFile(`The file “${fileName}” has no readable text.`);
    const built = builder.build(title || builder.firstText('heading') || fallbackTitle);
    const doc = built.title === '' ? { ...built, title: cleanTitle(fallbackTitle) } : built;
    const details = detailsFrom({ ...withReadability(pageMeta, article), ...(url && { url }) });
    return { doc: Object.keys(details).length > 0 ? { ...doc, details } : doc, url };
  } finally {
    dom.window.close();
    pristine?.window.close();
  }
}

/** The page's declared address: <link rel=canonical>, else og:url, when it is http(s). */
function pageUrl(document: Document): string | undefined {
  const canonical = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const og = document.querySelector('meta[property="og:url" i][content]')?.getAttribute('content');
  return webUrl(canonical) ?? webUrl(og);
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Readability drops the page's h1 when it repeats the title. The headline is part of the article
 * an analyst may want to annotate (plain-text imports keep it too), so put it back, but only
 * when the page really has it as a heading (`pageHeadings`: its h1s before Readability ran) and
 * the extracted content does not.
 */
function removedHeadline(pageHeadings: string[], content: Node, title: string): string | undefined {
  const wanted = norm(title);
  if (wanted === '') return undefined;
  const inPage = pageHeadings.includes(wanted);
  const headings = (content as ParentNode).querySelectorAll?.('h1, h2, h3') ?? [];
  const inContent = [...headings].some((h) => norm(h.textContent) === wanted);
  return inPage && !inContent ? wanted : undefined;
}
