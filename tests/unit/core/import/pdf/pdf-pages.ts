// The HTML the PDF importer's tests print with Chromium, and the text each should come back as.
// Every page is small; the words are chosen so each check can name what it looks for.

/** A5, single column, justified: long paragraphs that run over page breaks, three headings. */
export const CROSSING_SENTENCE = (n: number) =>
  `Sentence ${n} of the crossing paragraph keeps the reader on the same thought.`;
export const PAGE_TWO_PASSAGE = 'The committee met again in the spring and agreed on the wording.';

const crossing = Array.from({ length: 42 }, (_, i) => CROSSING_SENTENCE(i + 1)).join(' ');

export const RUNNING_HEADER = 'Proceedings of the Test Society';

export const flowPage = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Pages and Places in Printed Articles</title>
<style>
  body { font: 11pt/1.35 serif; margin: 0; }
  p { margin: 0 0 0.8em; text-align: justify; }
  h1 { font-size: 22pt; margin: 0 0 0.5em; }
  h2 { font-size: 15pt; margin: 0.8em 0 0.4em; }
  .narrow { width: 5.5cm; }
  .narrow p { hyphens: manual; }
</style></head>
<body>
<h1>Pages and Places</h1>
<h2>Background</h2>
<p>Printed articles carry their page numbers in the <em>margin</em>, and readers <b>cite</b>
them. This opening paragraph stays on the first page, well before the long one begins.</p>
<p>${crossing}</p>
<p>${PAGE_TWO_PASSAGE} It was a short meeting, and the notes of it are shorter still.</p>
<p><b>Words broken at the ends of lines</b></p>
<div class="narrow">
<p>The infor-<br>mation was self-<br>evident to the Anglo-<br>Saxon scholars and to the
state-of-the-<br>art reviewers, who wrote data-<br>driven reports.</p>
<p>Their data-driven reports were long.</p>
<p id="soft">Com&shy;pu&shy;ta&shy;tion&shy;al an&shy;no&shy;ta&shy;tion of his&shy;tor&shy;i&shy;cal
doc&shy;u&shy;ments re&shy;quires pa&shy;tient in&shy;ter&shy;pre&shy;ta&shy;tion of
in&shy;com&shy;plete ev&shy;i&shy;dence and care&shy;ful meth&shy;od&shy;ol&shy;o&shy;gy
through&shy;out the en&shy;tire in&shy;ves&shy;ti&shy;ga&shy;tion.</p>
</div>
<h2>Afterwards</h2>
<p>${Array.from({ length: 12 }, () => 'The last section fills the third page with plain prose.').join(' ')}</p>
<p style="break-before: page">A closing paragraph on a page of its own.</p>
</body></html>`;

export const SOFT_HYPHENATED =
  'Computational annotation of historical documents requires patient interpretation of ' +
  'incomplete evidence and careful methodology throughout the entire investigation.';

export const flowPrint = {
  format: 'A5' as const,
  margin: { top: '2cm', bottom: '2cm', left: '1.6cm', right: '1.6cm' },
  headerTemplate: `<div style="font-size: 8px; width: 100%; text-align: center;">${RUNNING_HEADER}</div>`,
  footerTemplate:
    '<div style="font-size: 8px; width: 100%; text-align: center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
};

/** One A4 page: a full-width title and abstract over two balanced columns, and a footnote. */
export const CLAIM = (n: number) => `Claim ${n} holds for the ${ORDINALS[n % 10]} sample.`;
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];
export const COLUMN_PARAGRAPHS = [1, 16, 31, 46].map((from, p) =>
  Array.from({ length: 15 }, (_, i) => CLAIM(from + i) + (p === 1 && i === 0 ? '[1]' : '')).join(
    ' ',
  ),
);
export const FOOTNOTE = 'The samples were drawn from the archive in 2021.';

export const columnsPage = `<!doctype html>
<html><head><meta charset="utf-8">
<style>
  @page { size: A4; margin: 0; }
  body { margin: 0; font: 10pt/1.3 serif; }
  .page { position: relative; height: 296mm; padding: 18mm; box-sizing: border-box; }
  h1 { font-size: 20pt; margin: 0 0 4mm; }
  .abstract { margin: 0 0 6mm; text-align: justify; }
  .columns { column-count: 2; column-gap: 8mm; text-align: justify; }
  .columns p { margin: 0 0 0.6em; }
  .foot { position: absolute; left: 18mm; bottom: 18mm; font-size: 7.5pt; }
</style></head>
<body><div class="page">
<h1>Reading Across Two Columns</h1>
<p class="abstract">This abstract runs across the whole width of the page, above both columns,
and is read before them: a reader takes it in first and then turns to the left column.</p>
<div class="columns">
${COLUMN_PARAGRAPHS.map((p) => `<p>${p.replace('[1]', '<sup>1</sup>')}</p>`).join('\n')}
</div>
<p class="foot"><sup>1</sup> ${FOOTNOTE}</p>
</div></body></html>`;

/** Short paragraphs in Azerbaijani, Arabic and Hebrew, each one line. */
export const SCRIPTS = [
  'Xəzər dənizi boyunca bərə xətti yenidən işləyir. Gəmi Şuşa, Ağdam, Gəncə üçün yük daşıdı.',
  'هذا نص عربي قصير للاختبار في ملف بي دي إف.',
  'זהו טקסט עברי קצר לבדיקה.',
];

export const scriptsPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>Three Scripts</title></head>
<body style="font: 12pt serif">
<p>${SCRIPTS[0]}</p>
<p dir="rtl" lang="ar">${SCRIPTS[1]}</p>
<p dir="rtl" lang="he">${SCRIPTS[2]}</p>
</body></html>`;

/** A page that is only a picture of text, as a scanner makes: grey bars drawn on a canvas. */
export const scannedPage = `<!doctype html>
<html><head><title>Scanned Letter</title><style>@page { size: A5; margin: 1cm; }</style></head>
<body><canvas id="scan" width="500" height="700"></canvas>
<script>
  const g = document.getElementById('scan').getContext('2d');
  g.fillStyle = '#f4f1ea';
  g.fillRect(0, 0, 500, 700);
  g.fillStyle = '#555';
  for (let y = 60; y < 640; y += 22) g.fillRect(40, y, 300 + ((y * 7) % 120), 9);
</script></body></html>`;
