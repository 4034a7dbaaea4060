// Footnotes and endnotes of a document file (DOCX, ODT), kept as a "Notes" section at the end:
// each note called in the text by its number in brackets and opening with the same number there,
// so a reader finds one from the other and a quote of either carries the number.

export const NOTES_HEADING = 'Notes';

/** How note `n` (1-based, in the order the text calls them) is written where it is called. */
export const noteCall = (n: number) => `[${n}]`;

/** How the note's own paragraph begins, with the same number. */
export const notePrefix = (n: number) => `${noteCall(n)} `;
