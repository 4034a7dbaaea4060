// The report as one self-contained HTML file: a <style> allowed by its hash under a strict CSP
// meta tag, figures as inline SVG, no script and nothing loaded from anywhere. Every imported or
// typed string is escaped, so an article that says `<script>` shows those characters. The same
// page is what a PDF report prints.
import { createHash } from 'node:crypto';
import { escapeText as t, safeColor } from './escape';
import { cooccurrenceHeatmap, frequencyChart } from './figures';
import type { CodebookEntry, ReportModel, ReportPassage, ReportSection } from './types';
import {
  citation,
  COOCCURRENCE_CAPTION,
  FREQUENCY_CAPTION,
  GUIDANCE,
  NO_DEFINITION,
  NO_OWN_PASSAGES,
  NO_PASSAGES,
  omittedLine,
  passageCount,
  reviewNote,
  scopeLines,
} from './wording';

const CSS = `
:root { color-scheme: light; }
body { font: 15px/1.5 Georgia, 'Noto Serif', serif; color: #1d1d1d; margin: 2rem auto; max-width: 48rem; padding: 0 1.2rem; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, 'Noto Sans', sans-serif; line-height: 1.25; break-after: avoid; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.4rem; border-bottom: 1px solid #cccccc; padding-bottom: 0.2rem; margin-top: 2.2rem; }
.meta { color: #555555; margin: 0.2rem 0; }
.swatch { margin-right: 0.4em; vertical-align: baseline; }
.passage { margin: 0.8rem 0 1.1rem; break-inside: avoid; }
blockquote { margin: 0; padding-block: 0.1rem; padding-inline-start: 1rem; border-inline-start: 3px solid #b8b8b8; white-space: pre-wrap; }
.cite { margin-block: 0.2rem 0; margin-inline-start: 1rem; color: #444444; font-size: 0.9rem; }
.comment { margin-block: 0.2rem 0; margin-inline-start: 1rem; font-size: 0.92rem; white-space: pre-wrap; }
.comment::before { content: 'Comment: '; font-weight: 600; }
.review { color: #8a4b00; }
.empty { color: #666666; font-style: italic; }
dl { margin: 0.3rem 0 1rem; }
dt { font-weight: 600; font-family: system-ui, sans-serif; font-size: 0.9rem; }
dd { margin: 0 0 0.4rem 1rem; white-space: pre-wrap; }
figure { margin: 1rem 0 2rem; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #444444; font-size: 0.9rem; }
table { border-collapse: collapse; font-size: 0.9rem; margin: 0.5rem 0; }
th, td { border: 1px solid #cccccc; padding: 0.15rem 0.4rem; text-align: left; }
td.n { text-align: right; }
@page { margin: 18mm 16mm; }
@media print { body { margin: 0; max-width: none; } }
`;

const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; base-uri 'none'; form-action 'none'`;

/** The page's Content-Security-Policy (the tests check it is the one in the file). */
export const REPORT_CSP = CSP;

const heading = (depth: number) => `h${Math.min(3 + depth, 6)}`;

function swatch(color: string): string {
  return `<svg class="swatch" width="11" height="11" aria-hidden="true"><rect width="11" height="11" rx="2" fill="${safeColor(color)}"/></svg>`;
}

function passage(p: ReportPassage): string {
  const note = reviewNote(p);
  return [
    `<div class="passage">`,
    `<blockquote dir="auto">${t(p.text)}</blockquote>`,
    `<p class="cite">— <cite dir="auto">${t(citation(p))}</cite>${note ? ` <span class="review">${note}</span>` : ''}</p>`,
    p.comment.trim() ? `<p class="comment" dir="auto">${t(p.comment.trim())}</p>` : '',
    `</div>`,
  ].join('');
}

function section(s: ReportSection): string {
  const h = heading(s.depth);
  const count = s.passages.length;
  return [
    `<section class="tag">`,
    `<${h} dir="auto">${swatch(s.color)}${t(s.path)}</${h}>`,
    count
      ? `<p class="meta">${passageCount(count)}</p>`
      : `<p class="empty">${NO_OWN_PASSAGES}</p>`,
    ...s.passages.map(passage),
    `</section>`,
  ].join('');
}

function codebookEntry(entry: CodebookEntry): string {
  const h = heading(entry.depth);
  const fields = GUIDANCE.filter(([key]) => entry[key].trim());
  return [
    `<${h} dir="auto">${swatch(entry.color)}${t(entry.path)}</${h}>`,
    fields.length
      ? `<dl>${fields.map(([key, label]) => `<dt>${label}</dt><dd dir="auto">${t(entry[key].trim())}</dd>`).join('')}</dl>`
      : `<p class="empty">${NO_DEFINITION}</p>`,
  ].join('');
}

function figures(model: ReportModel): string {
  const f = model.figures!;
  if (f.frequencies.length === 0) return '<p class="empty">No coded passages to draw.</p>';
  const matrix = f.cooccurrence;
  return [
    `<figure>${frequencyChart(f.frequencies)}`,
    `<figcaption>${FREQUENCY_CAPTION}</figcaption></figure>`,
    matrix.tags.length > 1
      ? `<figure>${cooccurrenceHeatmap(matrix)}<figcaption>${COOCCURRENCE_CAPTION}${omittedLine(matrix.tags.length, matrix.omitted)}</figcaption></figure>`
      : '',
  ].join('');
}

const scope = (model: ReportModel) =>
  scopeLines(model)
    .map((line) => `<p class="meta" dir="auto">${t(line)}</p>`)
    .join('');

export function renderReportHtml(model: ReportModel): string {
  const body = [
    `<header><h1 dir="auto">${t(model.title)}</h1>${scope(model)}</header>`,
    `<main>`,
    `<section class="passages"><h2>Coded passages</h2>`,
    model.sections.length
      ? model.sections.map(section).join('')
      : `<p class="empty">${NO_PASSAGES}</p>`,
    `</section>`,
    model.codebook
      ? `<section class="codebook"><h2>Codebook</h2>${model.codebook.length ? model.codebook.map(codebookEntry).join('') : '<p class="empty">The codebook has no tags.</p>'}</section>`
      : '',
    model.figures ? `<section class="figures"><h2>Figures</h2>${figures(model)}</section>` : '',
    `</main>`,
  ].join('\n');
  return [
    '<!doctype html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Research Notebook">',
    `<title>${t(model.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
