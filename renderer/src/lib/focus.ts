// Where the keyboard goes when what had it goes away (an editor saved or closed, a dialog closed):
// back to the article, the analyst's place, without scrolling it.
export function focusReader() {
  document.querySelector<HTMLElement>('article[tabindex]')?.focus({ preventScroll: true });
}

/** The selection in the reader is used up (annotated, re-attached): let it go. */
export function clearReaderSelection() {
  const selection = document.getSelection();
  const reader = document.querySelector('article[tabindex]');
  if (selection && reader && selection.anchorNode && reader.contains(selection.anchorNode)) {
    selection.removeAllRanges();
  }
}
