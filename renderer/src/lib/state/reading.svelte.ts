// The open article: its annotations, the passage being annotated, the annotation being edited,
// the panel's filters, and undo of deletes.
import type { RevisionOutcome } from '../../../../electron/shared/contract';
import {
  compareReadingOrder,
  needsReview,
  type Annotation,
  type Article,
} from '../../../../electron/shared/model';
import { call } from '../api';
import { markEnd, markStart } from '../perf';
import { codebook } from './codebook.svelte';
import { library } from './library.svelte';
import { toasts } from './toasts.svelte';

export interface Passage {
  start: number;
  end: number;
}

export type Editing =
  { mode: 'new'; passage: Passage } | { mode: 'edit'; annotation: Annotation } | null;

class Reading {
  article = $state.raw<Article | null>(null);
  annotations = $state.raw<Annotation[]>([]);
  /** What the analyst has selected in the reader right now, if anything. */
  selection = $state<Passage | null>(null);
  editing = $state.raw<Editing>(null);
  activeId = $state<string | null>(null);
  /** Bumped to ask the reader to scroll to `activeId` (a request, not state to render). */
  scrollRequest = $state(0);
  filterTagId = $state('');
  filterText = $state('');
  /** The analyst is editing the article's text (a new revision on save). */
  editingText = $state(false);

  review = $derived(this.annotations.filter(needsReview));

  visible = $derived.by(() => {
    const needle = this.filterText.trim().toLocaleLowerCase();
    return this.annotations.filter((a) => {
      if (this.filterTagId && !a.tagIds.includes(this.filterTagId)) return false;
      if (!needle) return true;
      const tagNames = a.tagIds.map((id) => codebook.byId.get(id)?.name ?? '').join(' ');
      return `${a.selectors[1].exact} ${a.comment} ${tagNames}`
        .toLocaleLowerCase()
        .includes(needle);
    });
  });

  async open(id: string | null) {
    this.editing = null;
    this.editingText = false;
    this.activeId = null;
    this.selection = null;
    if (!id) {
      this.article = null;
      this.annotations = [];
      return;
    }
    markStart('nb:fetch');
    const [article, annotations] = await Promise.all([
      call('getArticle', { id }),
      call('listAnnotations', { articleId: id }),
    ]);
    markEnd('nb:fetch');
    this.article = article;
    this.annotations = annotations;
  }

  passageText(passage: Passage) {
    return this.article?.text.slice(passage.start, passage.end) ?? '';
  }

  startAnnotating() {
    if (!this.selection) return false;
    this.editing = { mode: 'new', passage: this.selection };
    return true;
  }

  edit(annotation: Annotation, scroll = false) {
    this.editing = { mode: 'edit', annotation };
    this.activeId = annotation.id;
    if (scroll) this.scrollRequest++;
  }

  async save(tagNames: string[], comment: string) {
    const editing = this.editing;
    if (!editing || !this.article) return;
    const saved =
      editing.mode === 'new'
        ? await call('createAnnotation', {
            articleId: this.article.id,
            ...editing.passage,
            tagNames,
            comment,
          })
        : await call('updateAnnotation', { id: editing.annotation.id, tagNames, comment });
    this.editing = null;
    this.selection = null;
    this.activeId = saved.id;
    await this.afterLocalChange(saved);
  }

  async remove(annotation: Annotation) {
    const deleted = await call('deleteAnnotation', { id: annotation.id });
    if (this.editing?.mode === 'edit' && this.editing.annotation.id === annotation.id)
      this.editing = null;
    if (this.activeId === annotation.id) this.activeId = null;
    this.lastDeleted = deleted;
    await this.afterLocalChange(null, deleted.id);
    toasts.show('Annotation deleted.', {
      action: { label: 'Undo', run: () => void this.undoDelete() },
    });
  }

  lastDeleted: Annotation | null = null;

  async undoDelete() {
    const annotation = this.lastDeleted;
    if (!annotation) return false;
    this.lastDeleted = null;
    try {
      const restored = await call('restoreAnnotation', { annotation });
      this.activeId = annotation.id;
      await this.afterLocalChange(restored);
      toasts.show('Annotation restored.');
    } catch (error) {
      toasts.error(error);
    }
    return true;
  }

  /** Moves to the next (+1) or previous (-1) visible annotation in reading order. */
  step(direction: 1 | -1) {
    const list = this.visible;
    if (list.length === 0) return;
    const at = list.findIndex((a) => a.id === this.activeId);
    const next =
      at === -1
        ? direction === 1
          ? 0
          : list.length - 1
        : (at + direction + list.length) % list.length;
    this.edit(list[next]!, true);
  }

  async setMemo(memo: string) {
    if (!this.article || memo === this.article.memo) return;
    const articleId = this.article.id;
    await call('setMemo', { articleId, memo });
    if (this.article?.id === articleId) this.article = { ...this.article, memo };
  }

  /** Saves the edited text as a new revision; annotations are re-anchored by the core. */
  async saveText(text: string) {
    if (!this.article) return;
    const outcome = await call('editArticle', { id: this.article.id, text });
    this.editingText = false;
    await this.afterRevision(outcome);
  }

  /** Imports a newer version of a file over the open article. */
  async reimport(file: File) {
    if (!this.article) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const outcome = await call('reimportArticle', {
      id: this.article.id,
      fileName: file.name,
      bytes,
    });
    await this.afterRevision(outcome);
  }

  async afterRevision(outcome: RevisionOutcome) {
    await this.open(outcome.article.id);
    await Promise.all([codebook.refresh(), library.refresh()]);
    const review = outcome.moved + outcome.fuzzy + outcome.orphaned;
    toasts.show(
      `Revision ${outcome.article.revision} saved: ${outcome.anchored} ` +
        `${outcome.anchored === 1 ? 'annotation' : 'annotations'} in place` +
        (review ? `, ${review} need review.` : '.'),
    );
    return review;
  }

  /** Review: keep a moved or fuzzy annotation where re-anchoring put it. */
  async accept(annotation: Annotation) {
    const pinned = await call('acceptPlacement', { id: annotation.id });
    this.activeId = annotation.id;
    await this.afterLocalChange(pinned);
  }

  /** Review: attach an annotation to the passage selected in the reader. */
  async reattach(annotation: Annotation) {
    if (!this.selection)
      throw new Error('Select the passage in the article first, then re-attach.');
    const pinned = await call('reattachAnnotation', { id: annotation.id, ...this.selection });
    this.selection = null;
    this.activeId = annotation.id;
    await this.afterLocalChange(pinned);
  }

  /**
   * One annotation was saved or deleted: patch the local list (re-fetching 10k annotations after
   * every save would cost more than the save), then refresh the small lists with counts.
   */
  async afterLocalChange(saved: Annotation | null, deletedId?: string) {
    let list = this.annotations.filter((a) => a.id !== (saved?.id ?? deletedId));
    if (saved && saved.articleId === this.article?.id) {
      const at = list.findIndex((a) => compareReadingOrder(saved, a) < 0);
      list = at === -1 ? [...list, saved] : [...list.slice(0, at), saved, ...list.slice(at)];
    }
    this.annotations = list;
    await Promise.all([codebook.refresh(), library.refresh()]);
  }

  /** Annotations, counts and tags changed: reload what shows them. */
  async afterChange() {
    if (this.article)
      this.annotations = await call('listAnnotations', { articleId: this.article.id });
    await Promise.all([codebook.refresh(), library.refresh()]);
  }
}

export const reading = new Reading();
