// The open article: its annotations, the passage being annotated, the annotation being edited,
// the panel's filters, and undo of deletes.
import type { Annotation, Article } from '../../../../electron/shared/model';
import { call } from '../api';
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
    this.activeId = null;
    this.selection = null;
    if (!id) {
      this.article = null;
      this.annotations = [];
      return;
    }
    const [article, annotations] = await Promise.all([
      call('getArticle', { id }),
      call('listAnnotations', { articleId: id }),
    ]);
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
    await this.afterChange();
  }

  async remove(annotation: Annotation) {
    const deleted = await call('deleteAnnotation', { id: annotation.id });
    if (this.editing?.mode === 'edit' && this.editing.annotation.id === annotation.id)
      this.editing = null;
    if (this.activeId === annotation.id) this.activeId = null;
    this.lastDeleted = deleted;
    await this.afterChange();
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
      await call('restoreAnnotation', { annotation });
      this.activeId = annotation.id;
      await this.afterChange();
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

  /** Annotations, counts and tags changed: reload what shows them. */
  async afterChange() {
    if (this.article)
      this.annotations = await call('listAnnotations', { articleId: this.article.id });
    await Promise.all([codebook.refresh(), library.refresh()]);
  }
}

export const reading = new Reading();
