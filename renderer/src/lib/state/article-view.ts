// Reading an article for the window: one getArticleView call answers both the open article and
// its annotations (wants made in the same tick are merged into one request), bodies are kept by
// their hash (they never change under it, so the core is asked not to send one we hold), and the
// packed answer is unpacked into the model's own Article and Annotation records.
import type {
  ArticleView,
  PackedAnnotation,
  PackedBody,
} from '../../../../electron/shared/contract';
import type {
  Annotation,
  Article,
  ArticleBody,
  ArticleRecord,
  Block,
  Mark,
} from '../../../../electron/shared/model';
import { call } from '../api';

/** Bodies kept: the open one and the one before (switching back is then instant). */
const KEEP_BODIES = 2;
/** ...unless they are big: a long article's text is megabytes. */
const KEEP_CHARS = 8 * 1024 * 1024;

export interface LoadedView {
  /** The record with its current body. */
  article: Article;
  /** Present when asked for. */
  annotations?: Annotation[];
}

interface Want {
  annotations: boolean;
  waiters: Array<{ resolve: (view: LoadedView) => void; reject: (error: unknown) => void }>;
}

export class ArticleViews {
  /** Most recently used last. */
  readonly #bodies = new Map<string, ArticleBody>();
  readonly #wants = new Map<string, Want>();
  #flushing = false;

  /** The article with its current body, and its annotations too with `annotations: true`. */
  load(id: string, options: { annotations?: boolean } = {}): Promise<LoadedView> {
    return new Promise((resolve, reject) => {
      const want = this.#wants.get(id) ?? { annotations: false, waiters: [] };
      want.annotations ||= options.annotations === true;
      want.waiters.push({ resolve, reject });
      this.#wants.set(id, want);
      if (!this.#flushing) {
        this.#flushing = true;
        queueMicrotask(() => this.#flush());
      }
    });
  }

  #flush() {
    this.#flushing = false;
    const wants = [...this.#wants];
    this.#wants.clear();
    for (const [id, want] of wants) {
      this.#fetch(id, want.annotations).then(
        (view) => want.waiters.forEach((w) => w.resolve(view)),
        (error: unknown) => want.waiters.forEach((w) => w.reject(error)),
      );
    }
  }

  async #fetch(id: string, annotations: boolean): Promise<LoadedView> {
    const view = await call('getArticleView', {
      id,
      knownBodyHashes: [...this.#bodies.keys()],
      ...(annotations && { annotations: true }),
    });
    const hash = view.record.revisions.at(-1)!.bodyHash;
    const body = view.body ? unpackBody(view.body) : this.#bodies.get(hash);
    if (!body) throw new Error('The article’s text did not arrive; open it again.');
    this.#keep(hash, body);
    const article: Article = {
      ...view.record,
      ...body,
      revision: view.record.revisions.at(-1)!.number,
    };
    return {
      article,
      ...(view.annotations && { annotations: unpackAnnotations(view, article) }),
    };
  }

  #keep(hash: string, body: ArticleBody) {
    this.#bodies.delete(hash);
    this.#bodies.set(hash, body);
    let chars = 0;
    for (const b of this.#bodies.values()) chars += b.text.length;
    for (const [old, b] of this.#bodies) {
      if (this.#bodies.size <= 1 || (this.#bodies.size <= KEEP_BODIES && chars <= KEEP_CHARS)) {
        break;
      }
      this.#bodies.delete(old);
      chars -= b.text.length;
    }
  }
}

export function unpackBody(packed: PackedBody): ArticleBody {
  const blocks: Block[] = new Array(packed.blocks.length / 3);
  let end = 0;
  for (let i = 0, k = 0; k < packed.blocks.length; i++, k += 3) {
    const start = end + packed.blocks[k + 1]!;
    end = start + packed.blocks[k + 2]!;
    blocks[i] = { type: packed.blockTypes[packed.blocks[k]!]!, start, end };
  }
  for (const [i, level, number, header] of packed.blockAttrs) {
    const { type, start, end: blockEnd } = blocks[i]!;
    blocks[i] = {
      type,
      ...(level !== null && { level }),
      ...(number !== null && { number }),
      ...(header && { header: true as const }),
      start,
      end: blockEnd,
    };
  }
  const marks: Mark[] = new Array(packed.marks.length / 4);
  for (let i = 0, k = 0; k < packed.marks.length; i++, k += 4) {
    const start = packed.marks[k + 1]!;
    const href = packed.marks[k + 3]!;
    const mark: Mark = {
      type: packed.markTypes[packed.marks[k]!]!,
      start,
      end: start + packed.marks[k + 2]!,
    };
    if (href !== -1) mark.href = packed.hrefs[href]!;
    marks[i] = mark;
  }
  return { text: packed.text, blocks, marks, ...(packed.places && { places: packed.places }) };
}

/** The records again; a packed one's quote and context are slices of the article's text. */
export function unpackAnnotations(
  view: Pick<ArticleView, 'annotations' | 'tagIds' | 'analystIds' | 'quoteContext'>,
  article: Pick<ArticleRecord, 'id'> & { text: string; revision: number },
): Annotation[] {
  const { text } = article;
  const tagIds = view.tagIds ?? [];
  const analystIds = view.analystIds ?? [];
  const context = view.quoteContext;
  return (view.annotations ?? []).map((item: PackedAnnotation): Annotation => {
    if (!Array.isArray(item)) return item;
    const [id, start, end, tags, comment, createdAt, updatedAt, by = -1, updatedBy = -1] = item;
    const annotation: Annotation = {
      id,
      articleId: article.id,
      selectors: [
        { type: 'TextPositionSelector', start, end },
        {
          type: 'TextQuoteSelector',
          exact: text.slice(start, end),
          prefix: text.slice(Math.max(0, start - context), start),
          suffix: text.slice(end, end + context),
        },
      ],
      revision: article.revision,
      tagIds: tags.map((t) => tagIds[t]!),
      comment,
      createdAt,
      updatedAt: updatedAt === 0 ? createdAt : updatedAt,
      anchor: 'anchored',
    };
    if (by !== -1) annotation.createdBy = analystIds[by]!;
    if (updatedBy !== -1) annotation.updatedBy = analystIds[updatedBy]!;
    return annotation;
  });
}

export const articleViews = new ArticleViews();
