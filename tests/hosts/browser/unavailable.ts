// The browser host when the notebook can't be opened (held by another instance, from a newer
// app, anything else): it stays up, every page says why in a small static page, and every call
// answers with an error envelope saying the same.
import { NotebookError } from '../../../electron/core/errors';
import type { FailureWords } from '../../../electron/main/startup-failure';
import { CALL_NAMES, type Handlers, type OpenFailure } from '../../../electron/shared/contract';

/** Handlers for every call that refuse with the start-up failure's words. */
export function unavailableHandlers(failure: OpenFailure, words: FailureWords): Handlers {
  const error = new NotebookError(failure.kind === 'other' ? 'bad-file' : 'conflict', words.line);
  const refuse = () => Promise.reject(error);
  return Object.fromEntries(CALL_NAMES.map((name) => [name, refuse])) as unknown as Handlers;
}

/** The page: no script, no style (the CSP allows neither inline), just the words. */
export function unavailablePage(words: FailureWords): string {
  const paragraphs = words.detail
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(words.title)}</title></head>
<body>
<main role="alert">
<h1>${escapeHtml(words.title)}</h1>
<p><strong>${escapeHtml(words.message)}</strong></p>
${paragraphs}
</main>
</body>
</html>
`;
}

/** Calls and the events stream go to the host's own handling (and its checks); pages come here. */
export const isPageRequest = (url: string | undefined) =>
  !(url ?? '').startsWith('/__api/') && !(url ?? '').startsWith('/__events');

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
