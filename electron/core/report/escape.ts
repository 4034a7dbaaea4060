// Text into HTML and SVG: every imported or typed string goes through here, so none of it is
// ever read as markup, whatever it holds (`<script>`, `&amp;`, quotes in an attribute).

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for an element's content or a quoted attribute, after xmlText: an SVG holding a
 * character XML forbids would not parse.
 */
export function escapeText(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Text XML can hold: forbidden controls dropped, a lone surrogate shown as U+FFFD. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** A colour as the codebook keeps it (#rrggbb), or a neutral grey for anything else. */
export const safeColor = (color: string) => (/^#[0-9a-f]{6}$/i.test(color) ? color : '#888888');

const RTL_FIRST =
  /^[^\p{L}]*[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Whether the text's first letter is of a right-to-left script (Word needs to be told). */
export const isRightToLeft = (text: string) => RTL_FIRST.test(text);
