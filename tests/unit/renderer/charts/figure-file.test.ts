// A chart as a file: the SVG written out stands alone (namespace, size, summary) and carries
// nothing of the window's interaction; file names keep every script's letters.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  figureFileName,
  sizeOf,
  svgDataUrl,
  svgMarkup,
} from '../../../../renderer/src/lib/charts/figure-file';

function drawn(): SVGSVGElement {
  const holder = document.createElement('div');
  holder.innerHTML =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 120" class="wide s-1" role="group" aria-label="in the window">' +
    '<!----><rect width="300" height="120" fill="#ffffff"/>' +
    '<g class="mark s-1" role="button" tabindex="0" aria-pressed="false" aria-label="a and b: 2">' +
    '<rect x="1" y="2" width="3" height="4" fill="#0b2f7a"/></g>' +
    '<text x="5" y="6" font-size="12" fill="#1d1c1a">Tourism [ə ş ı İ]? &amp; 🌍<title>full &lt;path&gt;</title></text></svg>';
  return holder.querySelector('svg')!;
}

describe('svgMarkup', () => {
  it('writes a standalone picture with its summary and size', () => {
    const markup = svgMarkup(drawn(), 'Bar chart of passages per tag “x” & y');
    expect(markup.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(XMLValidator.validate(markup)).toBe(true);
    const { svg } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      markup,
    );
    expect(svg.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg.role).toBe('img');
    expect(svg['aria-label']).toBe('Bar chart of passages per tag “x” & y');
    expect([svg.width, svg.height]).toEqual(['300', '120']);
    expect(markup).toContain('Tourism [ə ş ı İ]? &amp; 🌍');
    expect(markup).toContain('<title>full &lt;path&gt;</title>');
  });

  it('leaves out focus stops, buttons, classes and Svelte’s comments', () => {
    const markup = svgMarkup(drawn(), 'summary');
    expect(markup).not.toMatch(/tabindex|role="button"|aria-pressed|class=|<!--|in the window/);
    // The window's own chart is not touched.
    const svg = drawn();
    svgMarkup(svg, 'summary');
    expect(svg.querySelector('[tabindex]')).not.toBeNull();
  });
});

describe('sizeOf and svgDataUrl', () => {
  it('takes the size from the viewBox, else from width and height', () => {
    expect(sizeOf(drawn())).toEqual({ width: 300, height: 120 });
    const bare = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    bare.setAttribute('width', '40');
    bare.setAttribute('height', '30');
    expect(sizeOf(bare)).toEqual({ width: 40, height: 30 });
  });

  it('makes a data: URL (what the CSP lets an image load) that decodes to the markup', () => {
    const markup = svgMarkup(drawn(), 'ə 🌍 # % ?');
    const url = svgDataUrl(markup);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(markup);
  });
});

describe('figureFileName', () => {
  it('keeps letters of every script and turns the rest into single dashes', () => {
    expect(figureFileName('Tag frequencies', 'svg')).toBe('tag-frequencies.svg');
    expect(figureFileName('Tags by ölkə / İl?', 'csv')).toBe('tags-by-ölkə-i̇l.csv');
    expect(figureFileName('Co-occurrence: “x”', 'png')).toBe('co-occurrence-x.png');
    expect(figureFileName('../..', 'svg')).toBe('figure.svg');
    expect(figureFileName('x'.repeat(300), 'svg')).toHaveLength(84);
  });
});
