// Going to a place from elsewhere in the window (a search hit, a passage listed by an analysis
// view): back to the reader, the article opened (asking first if a text edit would be lost), and
// then the passage shown or the words selected, once the article is really there.
import type { Span } from '../../../../electron/shared/model';
import { needsReview } from '../../../../electron/shared/model';
import { annotations } from '../state/annotations.svelte';
import { openArticle } from '../state/article.svelte';
import { library } from '../state/library.svelte';
import { toasts } from '../state/toasts.svelte';
import { ui } from '../state/ui.svelte';

/** Leaving a text edit with changes asks first (annotation editors keep their drafts). */
export async function mayLeaveTextEdit(): Promise<boolean> {
  if (!openArticle.textChanged) return true;
  return ui.ask({
    title: 'Discard your edit of the text?',
    message: 'Your changes to this article’s text are not saved as a revision yet.',
    confirm: 'Discard changes',
    cancel: 'Keep editing',
    danger: true,
  });
}

/** How long a place may take to arrive before the analyst is told it can't be shown. */
const ARRIVAL_MS = 10_000;

/** Resolves true once `arrived()` holds (read reactively), false after ARRIVAL_MS. */
function until(arrived: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Stopped after this run of effects, not inside it.
      queueMicrotask(stop);
      resolve(value);
    };
    const timer = setTimeout(() => settle(false), ARRIVAL_MS);
    const stop = $effect.root(() => {
      $effect(() => {
        if (arrived()) settle(true);
      });
    });
  });
}

/** Shows the reader with this article open; false when the analyst kept an edit, or it failed. */
export async function openInReader(articleId: string): Promise<boolean> {
  ui.view = 'reader';
  ui.libraryOpen = false;
  if (library.openId !== articleId) {
    if (!(await mayLeaveTextEdit())) return false;
    library.openId = articleId;
  }
  await until(
    () => openArticle.article?.id === articleId || openArticle.unreadable?.id === articleId,
  );
  return openArticle.article?.id === articleId;
}

/** Opens the article with these words selected and in view (ready to annotate). */
export async function goToText(articleId: string, span: Span): Promise<void> {
  if (await openInReader(articleId)) openArticle.reveal(span);
}

/** Opens the article and shows the annotation (in the review list when it waits for review). */
export async function goToAnnotation(articleId: string, annotationId: string): Promise<void> {
  if (!(await openInReader(articleId))) return;
  const listed = await until(() => annotations.list.some((a) => a.id === annotationId));
  const annotation = annotations.list.find((a) => a.id === annotationId);
  if (!listed || !annotation) {
    toasts.show('That annotation is not there any more.');
    return;
  }
  ui.tab = needsReview(annotation) ? 'review' : 'annotations';
  annotations.show(annotation);
}
