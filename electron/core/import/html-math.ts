// The readable text of a MathML formula: what its author wrote for it (alttext, or its TeX
// annotation), else the characters of its presentation markup (mi, mo, mn, …) in order.

const TEX = /^(?:application\/x-tex|text\/x-tex|application\/x-latex|tex|latex)$/i;

export function mathText(math: Element): string {
  const alt = math.getAttribute('alttext')?.trim();
  if (alt) return alt;
  for (const annotation of math.getElementsByTagName('annotation')) {
    if (TEX.test(annotation.getAttribute('encoding') ?? '')) {
      const tex = annotation.textContent?.trim();
      if (tex) return tex;
    }
  }
  return presentationText(math).replace(/\s+/g, ' ').trim();
}

/** A formula set apart on its own line, which becomes its own block. */
export function isDisplayMath(math: Element): boolean {
  return (
    math.getAttribute('display')?.toLowerCase() === 'block' ||
    math.getAttribute('mode') === 'display'
  );
}

// Annotations are other renderings of the same formula (TeX, content MathML), not more of it.
const SKIPPED = new Set(['annotation', 'annotation-xml']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function presentationText(node: Node): string {
  if (node.nodeType === TEXT_NODE) return node.nodeValue ?? '';
  if (node.nodeType !== ELEMENT_NODE || SKIPPED.has((node as Element).localName)) return '';
  let out = '';
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    out += presentationText(child);
  }
  return out;
}
