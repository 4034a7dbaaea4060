// A drawn chart as a file: its <svg> serialised as a standalone SVG (the charts draw with
// presentation attributes, so the file looks as the window does), or painted onto a canvas at
// twice its size as a PNG. The image is loaded from a data: URL, which the CSP's img-src allows
// (blob: it does not).

/** What makes a chart usable in the window but means nothing in a file. */
const INTERACTIVE = ['tabindex', 'role', 'aria-pressed', 'aria-label', 'aria-hidden', 'class'];

/** The chart as an SVG document: a picture with a summary, no focus stops or buttons in it. */
export function svgMarkup(svg: SVGSVGElement, summary: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const element of copy.querySelectorAll('*')) {
    for (const name of INTERACTIVE) element.removeAttribute(name);
  }
  copy.removeAttribute('class');
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('role', 'img');
  copy.setAttribute('aria-label', summary);
  const { width, height } = sizeOf(svg);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  // Svelte's empty comments (its anchors) are not part of the picture.
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** The chart's own size (its viewBox), whatever CSS scales it to on screen. */
export function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg
    .getAttribute('viewBox')
    ?.split(/[\s,]+/)
    .map(Number);
  if (box?.length === 4 && box.every(Number.isFinite)) return { width: box[2]!, height: box[3]! };
  return {
    width: Number(svg.getAttribute('width')) || 800,
    height: Number(svg.getAttribute('height')) || 600,
  };
}

export const svgDataUrl = (markup: string) =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;

/** The SVG painted at `scale`× onto a white canvas, as PNG bytes. */
export async function pngBytes(
  markup: string,
  size: { width: number; height: number },
  scale = 2,
): Promise<Uint8Array> {
  const image = new Image();
  image.src = svgDataUrl(markup);
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(size.width * scale);
  canvas.height = Math.round(size.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This window can’t draw images, so no PNG was made.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The chart could not be made into a PNG.');
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * A file name from a chart's title: letters (with their marks: a lower-cased İ is i and a dot)
 * and digits of any script kept, the rest dashes.
 */
export function figureFileName(title: string, extension: 'svg' | 'png' | 'csv'): string {
  const base = title
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${base || 'figure'}.${extension}`;
}
