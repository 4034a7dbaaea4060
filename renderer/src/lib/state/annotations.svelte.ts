// The open article's annotations: the list in reading order, the panel's filters, which one is
// current, the passage selected in the reader, and the editor (with drafts that survive leaving
// it). The core's changed events keep the list current, whoever changed it.
import type { ChangeNotice } from '../../../../electron/shared/contract';
import {
  compareReadingOrder,
  needsReview,
  type Annotation,
  type Span,
  type Tag,
} from '../../../../electron/shared/model';
import { call, onChanged } from '../api';
import { markPainted } from '../perf';
import { count, formatCount } from '../words';
import { articleViews } from './article-view';
import { codebook } from './codebook.svelte';
import { coders } from './coders.svelte';
import {
  Drafts,
  draftKey,
  isChanged,
  tagsToSave,
  type Draft,
  type EditTarget,
} from './drafts.svelte';
import { LatestRequest } from './latest';
import { Ticks } from './ticks.svelte';
import { toasts } from './toasts.svelte';
import { undo } from './undo.svelte';

/** Above this many changed annotations, reading the whole list is cheaper than by id. */
const PATCH_LIMIT = 200;

export class Annotations {
  articleId = $state<string | null>(null);
  list = $state.raw<Annotation[]>([]);
  /** What the analyst has selected in the reader right now, if anything. */
  selection = $state<Span | null>(null);
  activeId = $state<string | null>(null);
  /** Bumped to ask the reader to scroll to `activeId` (a request, not state to render). */
  scrollRequest = $state(0);
  filterTagId = $state('');
  filterText = $state('');
  /** The annotation whose editor is open, if any. */
  editing = $state.raw<EditTarget | null>(null);
  readonly drafts = new Drafts();
  /** The rows ticked in the panel for a change to several at once (kept across its tabs). */
  readonly ticks = new Ticks();
  readonly #latest = new LatestRequest();
  /** The open article, when its annotations could not be read with it (its text is unreadable). */
  #unopened: string | null = null;

  /**
   * `subtreeOf` gives a tag and the tags below it (filtering by a parent includes its children);
   * `onTagsUsed` hears of the tags a save just used (the picker offers them first).
   */
  constructor(
    private readonly tagsById: () => Map<string, Tag & { path?: string }>,
    // A fresh set for each question, never kept or changed: no reactivity wanted.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    private readonly subtreeOf: (tagId: string) => Set<string> = (tagId) => new Set([tagId]),
    private readonly onTagsUsed: (tagIds: string[]) => void = () => undefined,
    /** Whether the coders' layers chosen show an annotation (coders.svelte.ts). */
    private readonly shownCoder: (annotation: Annotation) => boolean = () => true,
  ) {}

  review = $derived(this.list.filter(needsReview));

  visible = $derived.by(() => {
    const needle = this.filterText.trim().toLocaleLowerCase();
    const tags = this.tagsById();
    const wanted = this.filterTagId ? this.subtreeOf(this.filterTagId) : undefined;
    return this.list.filter((a) => {
      if (!this.shownCoder(a)) return false;
      if (wanted && !a.tagIds.some((id) => wanted.has(id))) return false;
      if (!needle) return true;
      const tagNames = a.tagIds
        .map((id) => {
          const tag = tags.get(id);
          return tag?.path ?? tag?.name ?? '';
        })
        .join(' ');
      return `${a.selectors[1].exact} ${a.comment} ${tagNames}`
        .toLocaleLowerCase()
        .includes(needle);
    });
  });

  /** The annotation being edited, when it is a saved one. */
  editedAnnotation = $derived.by(() => {
    const target = this.editing;
    return target?.kind === 'edit' ? this.list.find((a) => a.id === target.id) : undefined;
  });

  async open(articleId: string | null) {
    const current = this.#latest.next();
    this.articleId = articleId;
    this.editing = null;
    this.activeId = null;
    this.selection = null;
    if (!articleId) {
      this.list = [];
      return;
    }
    // Asked in the same tick as the article's open(): one request brings both.
    let list: Annotation[];
    try {
      ({ annotations: list = [] } = await articleViews.load(articleId, { annotations: true }));
    } catch (error) {
      // Never the previous article's list under this one; the reader says what went wrong.
      if (current()) {
        this.list = [];
        this.#unopened = articleId;
      }
      throw error;
    }
    if (current()) {
      this.list = list;
      this.#unopened = null;
    }
  }

  connect(): () => void {
    return onChanged((notice) => void this.#follow(notice));
  }

  async #follow(notice: ChangeNotice) {
    const articleId = this.articleId;
    // The article put again (its text repaired by importing the file again): try once more.
    if (articleId && articleId === this.#unopened && notice.articles.includes(articleId)) {
      await this.open(articleId).catch(() => {});
      return;
    }
    if (!articleId || !notice.annotationArticles.includes(articleId)) return;
    // A new open() wins over this refresh.
    const current = this.#latest.unchanged();
    if (notice.annotations.length > PATCH_LIMIT) {
      // A new revision changes every annotation and the text at once: the article's refresh
      // asks in this same tick, and one request brings both.
      const { annotations: list = [] } = await articleViews.load(articleId, { annotations: true });
      if (current()) this.list = list;
    } else {
      const fresh = await call('getAnnotations', { ids: notice.annotations });
      if (current()) this.#patch(notice.annotations, fresh);
    }
    // The end of an undo or redo of a change here (started in undo.svelte.ts; else a no-op).
    if (current()) markPainted('nb:undo');
  }

  /** Replaces the records with these ids by their fresh versions (absent: deleted or elsewhere). */
  #patch(ids: string[], fresh: Annotation[]) {
    // A local lookup, not state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const gone = new Set(ids);
    const mine = fresh.filter((a) => a.articleId === this.articleId);
    const kept = this.list.filter((a) => !gone.has(a.id));
    // Both in reading order: one merge, so a change to 10k annotations is one pass, not 10k
    // searches and copies of the list. A fresh record goes after those it ties with.
    const added = mine.sort(compareReadingOrder);
    const list: Annotation[] = [];
    let k = 0;
    for (const annotation of added) {
      while (k < kept.length && compareReadingOrder(annotation, kept[k]!) >= 0)
        list.push(kept[k++]!);
      list.push(annotation);
    }
    while (k < kept.length) list.push(kept[k++]!);
    this.list = list;
    if (this.activeId && gone.has(this.activeId) && !mine.some((a) => a.id === this.activeId)) {
      this.activeId = null;
    }
  }

  passageText(text: string, passage: Span) {
    return text.slice(passage.start, passage.end);
  }

  /** Opens the editor for a new annotation on the selected passage; false if nothing is selected. */
  startNew(): boolean {
    if (!this.selection || !this.articleId) return false;
    this.#openEditor({ kind: 'new', articleId: this.articleId, passage: this.selection });
    return true;
  }

  /** Makes an annotation the current one and opens its editor. */
  edit(annotation: Annotation, scroll = false) {
    this.#openEditor({ kind: 'edit', articleId: annotation.articleId, id: annotation.id });
    this.activeId = annotation.id;
    if (scroll) this.scrollRequest++;
  }

  /** New annotations on this article whose editor was left with changes, in reading order. */
  waitingNew = $derived.by(() => {
    if (!this.articleId) return [];
    const open = this.editing ? draftKey(this.editing) : null;
    return this.drafts
      .waitingNew(this.articleId)
      .filter((target) => draftKey(target) !== open)
      .sort((a, b) => a.passage.start - b.passage.start);
  });

  /** Takes up a draft left behind (a new annotation's, from the panel's list). */
  resume(target: EditTarget) {
    this.#openEditor(target);
  }

  /** Throws a left-behind draft away. */
  discardDraft(target: EditTarget) {
    this.drafts.discard(target);
  }

  /** Opens the current annotation's editor (the explicit step after next/previous). */
  editActive(): boolean {
    const annotation = this.list.find((a) => a.id === this.activeId);
    if (!annotation) return false;
    this.edit(annotation);
    return true;
  }

  /** Closes any open editor (keeping its draft) and opens one on `target`, with its draft. */
  #openEditor(target: EditTarget) {
    this.#leaveEditor();
    this.#ensureDraft(target);
    this.editing = target;
  }

  /** The draft behind an open editor (made when it opened). */
  draftFor(target: EditTarget): Draft {
    return this.drafts.peek(draftKey(target)) ?? this.#ensureDraft(target);
  }

  /** Made from what is saved the first time an editor opens on `target`; kept after that. */
  #ensureDraft(target: EditTarget): Draft {
    return this.drafts.get(target, () => {
      if (target.kind === 'new') return { tagNames: [], comment: '' };
      const saved = this.list.find((a) => a.id === target.id);
      const tags = this.tagsById();
      return {
        // By path, so a name two tags share still means the one it was.
        tagNames:
          saved?.tagIds.flatMap((id) => {
            const tag = tags.get(id);
            return tag ? (tag.path ?? tag.name) : [];
          }) ?? [],
        comment: saved?.comment ?? '',
      };
    });
  }

  /** Whether the open editor holds anything unsaved. */
  get editorChanged(): boolean {
    return this.editing !== null && isChanged(this.draftFor(this.editing));
  }

  /**
   * Closes the editor. Its draft is kept if it holds changes (reopening brings them back), unless
   * `discard` says the analyst chose to throw them away.
   */
  closeEditor(discard = false) {
    const target = this.editing;
    if (!target) return;
    if (discard) this.drafts.discard(target);
    else this.drafts.forgetIfUnchanged(target);
    this.editing = null;
  }

  #leaveEditor() {
    this.closeEditor(false);
  }

  /**
   * Moves to the next (+1) or previous (-1) visible annotation in reading order and scrolls to
   * it. It does not open the editor (an open one closes, keeping its draft), so the keys can be
   * pressed again and again.
   */
  step(direction: 1 | -1) {
    const list = this.visible;
    if (list.length === 0) return;
    this.#leaveEditor();
    const at = list.findIndex((a) => a.id === this.activeId);
    const next =
      at === -1
        ? direction === 1
          ? 0
          : list.length - 1
        : (at + direction + list.length) % list.length;
    this.activeId = list[next]!.id;
    this.scrollRequest++;
  }

  /** Shows an annotation in the reader without opening its editor. */
  show(annotation: Annotation) {
    this.activeId = annotation.id;
    this.scrollRequest++;
  }

  async save() {
    const target = this.editing;
    if (!target) return;
    const draft = this.draftFor(target);
    const tagNames = tagsToSave(draft);
    const saved =
      target.kind === 'new'
        ? await call('createAnnotation', {
            articleId: target.articleId,
            ...target.passage,
            tagNames,
            comment: draft.comment,
          })
        : await call('updateAnnotation', { id: target.id, tagNames, comment: draft.comment });
    this.drafts.discard(target);
    if (this.editing === target) this.editing = null;
    if (target.kind === 'new') this.selection = null;
    this.#patch([saved.id], [saved]);
    this.activeId = saved.id;
    this.onTagsUsed(saved.tagIds);
  }

  /** Adds a tag (a name or path) to many annotations at once: one change, one undo step. */
  async tagMany(ids: string[], path: string) {
    const changed = await call('tagAnnotations', { ids, addTagNames: [path], removeTagIds: [] });
    this.#patch(
      changed.map((a) => a.id),
      changed,
    );
    toasts.show(`Tagged ${formatCount(ids.length)} annotations “${path}”.`);
  }

  async untagMany(ids: string[], tagId: string, tagPath: string) {
    const changed = await call('tagAnnotations', { ids, addTagNames: [], removeTagIds: [tagId] });
    this.#patch(
      changed.map((a) => a.id),
      changed,
    );
    toasts.show(`Took “${tagPath}” off ${count(ids.length, 'annotation')}.`);
  }

  async deleteMany(ids: string[]) {
    const { deleted } = await call('deleteAnnotations', { ids });
    this.#patch(ids, []);
    toasts.show(`Deleted ${formatCount(deleted)} annotations. Undo brings them back.`);
  }

  async remove(annotation: Annotation) {
    const deleted = await call('deleteAnnotation', { id: annotation.id });
    const target = this.editing;
    if (target?.kind === 'edit' && target.id === annotation.id) this.closeEditor(true);
    this.#patch([deleted.id], []);
    // The core's history holds the delete (Mod+Z undoes it too); the message's button is the
    // same undo, offered while the delete is still the last change.
    toasts.show('Annotation deleted.', {
      action: {
        label: 'Undo',
        run: async () => {
          await undo.refresh();
          if (undo.nextUndo !== 'Delete annotation') {
            toasts.show('Other changes came after the delete: undo those first.');
            return;
          }
          await undo.undo();
        },
      },
    });
  }

  /** Review: keep a moved or fuzzy annotation where re-anchoring put it. */
  async accept(annotation: Annotation) {
    const pinned = await call('acceptPlacement', { id: annotation.id });
    this.#patch([pinned.id], [pinned]);
    this.activeId = pinned.id;
  }

  /** Review: keep every moved or fuzzy annotation where re-anchoring put it. */
  async acceptAll() {
    for (const annotation of this.review.filter((a) => a.candidate)) await this.accept(annotation);
  }

  /** Review: attach an annotation to the passage selected in the reader. */
  async reattach(annotation: Annotation) {
    if (!this.selection)
      throw new Error('Select the passage in the article first, then re-attach.');
    const pinned = await call('reattachAnnotation', { id: annotation.id, ...this.selection });
    this.selection = null;
    this.#patch([pinned.id], [pinned]);
    this.activeId = pinned.id;
  }
}

export const annotations = new Annotations(
  () => codebook.byId,
  (tagId) => codebook.subtreeOf(tagId),
  (tagIds) => codebook.used(tagIds),
  (annotation) => coders.shows(annotation),
);
