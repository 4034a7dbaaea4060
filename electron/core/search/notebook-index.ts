// One full-text index (MiniSearch) over everything the notebook holds in words: each paragraph of
// each article's current text, each passage's words, each comment, each memo, each tag (path and
// guidance) and each article's details. Built on first use in short slices (the main loop never
// waits long), then kept current: every commit marks what it touched, and the next search brings
// those documents up to date before it looks.
import type MiniSearch from 'minisearch';
import type { Annotation, ArticleRecord, Span, Tag } from '../../shared/model';
import { TagTree } from '../../shared/tag-tree';
import type { Change, NotebookStore } from '../store';
import { currentRevision } from '../service/articles';
import { timeSlicer } from '../turns';
import { foldedWordsOf } from './terms';

/** What a document of the index is, beyond its words. */
export type IndexedDoc =
  | {
      kind: 'text';
      articleId: string;
      /** The paragraph (block) the document is, or a window of a very long one. */
      region: Span;
      /** The whole block the region lies in (for "code the paragraph"). */
      block: Span;
    }
  | { kind: 'passage' | 'comment'; articleId: string; annotationId: string }
  | { kind: 'memo' | 'article'; articleId: string }
  | { kind: 'tag'; tagId: string };

/** What the index holds of a document: its id and its words. */
interface IndexedWords {
  id: string;
  text: string;
}

/** A paragraph longer than this is indexed in windows, so one hit's context stays cheap. */
const WINDOW = 2000;

/** An article's text as it was indexed (its current revision's). */
interface IndexedText {
  bodyHash: string;
  revision: number;
  text: string;
  docIds: string[];
}

export class NotebookIndex {
  /** Made on the first search: the library loads then, not at start-up. */
  #mini: MiniSearch<IndexedWords> | undefined;
  readonly #docs = new Map<string, IndexedDoc>();
  readonly #texts = new Map<string, IndexedText>();
  /** The tags' documents, apart: they are all indexed again whenever one tag changes. */
  readonly #tagDocIds = new Set<string>();
  #built = false;
  /** What commits touched since the index last caught up: collection -> ids. */
  #dirty = { articles: new Set<string>(), annotations: new Set<string>(), tags: new Set<string>() };
  /** Catching up runs once at a time; a search waits for the one under way. */
  #catchingUp: Promise<void> | null = null;
  /** Searches reading the index between turns of the event loop: catching up waits for them. */
  #readers = 0;
  #readersDone: Promise<void> = Promise.resolve();
  #lastReaderGone: () => void = () => undefined;

  constructor(private readonly store: NotebookStore) {
    store.onCommit(({ changes }) => this.#mark(changes));
  }

  #mark(changes: Change[]) {
    if (!this.#built) return;
    for (const change of changes) {
      if (change.kind === 'meta') continue;
      const id = change.kind === 'put' ? change.record.id : change.id;
      if (change.collection === 'articles') this.#dirty.articles.add(id);
      else if (change.collection === 'annotations') this.#dirty.annotations.add(id);
      // A tag's path is in its document, and a move or rename changes its children's paths.
      else if (change.collection === 'tags') this.#dirty.tags.add(id);
    }
  }

  /** The document behind a search result's id. */
  doc(id: string): IndexedDoc | undefined {
    return this.#docs.get(id);
  }

  /** The indexed current text of an article (what text hits' offsets count in). */
  text(articleId: string): IndexedText | undefined {
    return this.#texts.get(articleId);
  }

  /** Brings the index up to date with the store; resolves once it is. */
  ready(): Promise<void> {
    return this.read(async () => undefined);
  }

  /**
   * Brings the index up to date, then runs `read` with the index held as it is: `read` may yield
   * to the event loop between its steps, and no catching up changes a document or a text under
   * it meanwhile (commits still land in the store; the index only marks them for later).
   */
  async read<T>(read: () => Promise<T>): Promise<T> {
    for (;;) {
      while (this.#catchingUp) await this.#catchingUp;
      if (this.#built && !this.#hasDirt()) break;
      if (this.#readers === 0) {
        this.#catchingUp = this.#catchUp().finally(() => (this.#catchingUp = null));
      } else {
        await this.#readersDone;
      }
    }
    // Held in the same turn as the check above: nothing can begin catching up in between.
    if (this.#readers++ === 0) {
      this.#readersDone = new Promise((resolve) => (this.#lastReaderGone = resolve));
    }
    try {
      return await read();
    } finally {
      if (--this.#readers === 0) this.#lastReaderGone();
    }
  }

  /** The index's answer; call after ready(). */
  search(...args: Parameters<MiniSearch['search']>) {
    if (!this.#mini) throw new Error('The search index is asked before it is ready.');
    return this.#mini.search(...args);
  }

  #hasDirt() {
    const d = this.#dirty;
    return d.articles.size + d.annotations.size + d.tags.size > 0;
  }

  async #catchUp() {
    const { state } = this.store;
    const slicer = timeSlicer();
    const pause = async () => {
      if (slicer.due()) await slicer.pause();
    };
    if (!this.#built) {
      // Commits during the build are marked and applied after it: set first.
      this.#built = true;
      const { default: MiniSearchIndex } = await import('minisearch');
      this.#mini = new MiniSearchIndex<IndexedWords>({
        fields: ['text'],
        tokenize: foldedWordsOf,
        // Words are folded by the tokenizer already (terms.ts), for the index and the query alike.
        processTerm: (term) => term,
      });
      for (const id of state.articles.keys()) this.#dirty.articles.add(id);
      for (const id of state.annotations.keys()) this.#dirty.annotations.add(id);
      for (const id of state.tags.keys()) this.#dirty.tags.add(id);
    }
    while (this.#hasDirt()) {
      const { articles, annotations, tags } = this.#dirty;
      this.#dirty = { articles: new Set(), annotations: new Set(), tags: new Set() };
      for (const id of articles) {
        await this.#indexArticle(id, state.articles.get(id), pause);
        await pause();
      }
      for (const id of annotations) {
        this.#indexAnnotation(id, state.annotations.get(id));
        await pause();
      }
      if (tags.size > 0) {
        // A renamed or moved tag changes the paths below it: index every tag again (a codebook
        // of 500 tags takes a few milliseconds).
        const tree = new TagTree(state.tags.values());
        for (const id of [...this.#tagDocIds]) this.#remove(id);
        for (const tag of state.tags.values()) {
          this.#add(
            `g:${tag.id}`,
            { kind: 'tag', tagId: tag.id },
            tagWords(tag, tree.path(tag.id)),
          );
          await pause();
        }
      }
    }
  }

  async #indexArticle(id: string, record: ArticleRecord | undefined, pause: () => Promise<void>) {
    this.#remove(`m:${id}`);
    this.#remove(`a:${id}`);
    if (!record) {
      this.#dropText(id);
      return;
    }
    if (record.memo.trim() !== '')
      this.#add(`m:${id}`, { kind: 'memo', articleId: id }, record.memo);
    this.#add(`a:${id}`, { kind: 'article', articleId: id }, articleWords(record));
    const revision = currentRevision(record);
    if (this.#texts.get(id)?.bodyHash === revision.bodyHash) return;
    this.#dropText(id);
    let body;
    try {
      body = await this.store.getBody(revision.bodyHash);
    } catch {
      // A text that can't be read is named at start-up and in the reader; search leaves it out
      // until it is repaired (a repair is a commit of the article, which brings it here again).
      return;
    }
    // The article may have changed while its body was read: a newer commit marked it again.
    const indexed: IndexedText = {
      bodyHash: revision.bodyHash,
      revision: revision.number,
      text: body.text,
      docIds: [],
    };
    this.#texts.set(id, indexed);
    const blocks = body.blocks.length > 0 ? body.blocks : [{ start: 0, end: body.text.length }];
    for (const [b, block] of blocks.entries()) {
      for (const [w, region] of windowsOf(body.text, block).entries()) {
        const docId = `t:${id}:${b}:${w}`;
        this.#add(
          docId,
          { kind: 'text', articleId: id, region, block: { start: block.start, end: block.end } },
          body.text.slice(region.start, region.end),
        );
        indexed.docIds.push(docId);
        await pause();
      }
    }
  }

  #dropText(articleId: string) {
    for (const docId of this.#texts.get(articleId)?.docIds ?? []) this.#remove(docId);
    this.#texts.delete(articleId);
  }

  #indexAnnotation(id: string, annotation: Annotation | undefined) {
    this.#remove(`p:${id}`);
    this.#remove(`c:${id}`);
    if (!annotation) return;
    const { articleId } = annotation;
    this.#add(
      `p:${id}`,
      { kind: 'passage', articleId, annotationId: id },
      annotation.selectors[1].exact,
    );
    if (annotation.comment.trim() !== '') {
      this.#add(`c:${id}`, { kind: 'comment', articleId, annotationId: id }, annotation.comment);
    }
  }

  #add(id: string, doc: IndexedDoc, text: string) {
    this.#docs.set(id, doc);
    if (doc.kind === 'tag') this.#tagDocIds.add(id);
    this.#mini!.add({ id, text });
  }

  #remove(id: string) {
    if (!this.#docs.delete(id)) return;
    this.#tagDocIds.delete(id);
    this.#mini!.discard(id);
  }
}

/** A tag's words: its path, then its guidance, one part per line (context shows the line hit). */
export function tagWords(tag: Tag, path: string): string {
  return [path, tag.description, tag.whenToUse, tag.whenNotToUse, tag.example]
    .filter((part) => part.trim() !== '')
    .join('\n');
}

/** An article's details as words: title, authors, publication, source and attribute values. */
export function articleWords(record: ArticleRecord): string {
  const attributes = Object.entries(record.attributes).map(([k, v]) => `${k}: ${v}`);
  return [
    record.title,
    record.authors.join(', '),
    record.publication,
    record.published,
    record.source,
    ...attributes,
  ]
    .filter((part) => part.trim() !== '')
    .join('\n');
}

/** A block, or windows of a very long one cut after a space. */
function windowsOf(text: string, block: Span): Span[] {
  if (block.end - block.start <= WINDOW) return [block];
  const windows: Span[] = [];
  let start = block.start;
  while (start < block.end) {
    let end = Math.min(block.end, start + WINDOW);
    if (end < block.end) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space + 1;
    }
    windows.push({ start, end });
    start = end;
  }
  return windows;
}
