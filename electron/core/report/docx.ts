// The report as a Word document (the `docx` library): the tag tree as headings, each passage as
// a quote with its article, page and comment, the codebook's guidance, and the figures as tables
// (Word draws no SVG the way a browser does; the numbers are what a reader copies anyway).
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { isRightToLeft, xmlText } from './escape';
import type { CooccurrenceMatrix, FrequencyBar, ReportModel, ReportPassage } from './types';
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

/** The paragraph style of a passage: Word's own name for it, which mammoth and others map. */
export const QUOTE_STYLE = 'Quote';
const COMMENT_STYLE = 'Comment';

const LEVELS = [
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
const levelOf = (depth: number) => LEVELS[Math.min(depth, LEVELS.length - 1)]!;

/** Runs for text with line breaks kept (a passage over two paragraphs stays two lines). */
function runs(text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  // Word orders neutral characters (punctuation, digits) by the run's direction.
  const rtl = isRightToLeft(text);
  return xmlText(text)
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          ...options,
          ...(rtl && { rightToLeft: true }),
          ...(i > 0 && { break: 1 }),
        }),
    );
}

function paragraph(text: string, options: { style?: string; italics?: boolean } = {}) {
  return new Paragraph({
    children: runs(text, { ...(options.italics && { italics: true }) }),
    ...(options.style && { style: options.style }),
    ...(isRightToLeft(text) && { bidirectional: true }),
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) {
  return new Paragraph({
    heading: level,
    children: runs(text),
    ...(isRightToLeft(text) && { bidirectional: true }),
  });
}

function passage(p: ReportPassage): Paragraph[] {
  const note = reviewNote(p);
  const cite = `— ${citation(p)}${note ? ` ${note}` : ''}`;
  const out = [
    paragraph(p.text, { style: QUOTE_STYLE }),
    paragraph(cite, { style: COMMENT_STYLE, italics: true }),
  ];
  const comment = p.comment.trim();
  if (comment) {
    out.push(
      new Paragraph({
        style: COMMENT_STYLE,
        children: [new TextRun({ text: 'Comment: ', bold: true }), ...runs(comment)],
        ...(isRightToLeft(comment) && { bidirectional: true }),
      }),
    );
  }
  return out;
}

const cell = (text: string, options: { header?: boolean; number?: boolean; fill?: string } = {}) =>
  new TableCell({
    children: [
      new Paragraph({
        children: runs(text, { ...(options.header && { bold: true }) }),
        ...(options.number && { alignment: AlignmentType.RIGHT }),
      }),
    ],
    ...(options.fill && {
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill.slice(1) },
    }),
  });

function frequencyTable(bars: readonly FrequencyBar[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          cell('Tag', { header: true }),
          cell('Passages', { header: true }),
          cell('With the tags below', { header: true }),
          cell('Characters coded', { header: true }),
        ],
      }),
      ...bars.map(
        (bar) =>
          new TableRow({
            children: [
              cell(bar.path),
              cell(String(bar.own), { number: true }),
              cell(String(bar.total), { number: true }),
              cell(String(bar.codedChars), { number: true }),
            ],
          }),
      ),
    ],
  });
}

function cooccurrenceTable(matrix: CooccurrenceMatrix): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          cell('', { header: true }),
          ...matrix.tags.map((t) => cell(t.path, { header: true })),
        ],
      }),
      ...matrix.tags.map(
        (tag, i) =>
          new TableRow({
            children: [
              cell(tag.path, { header: true }),
              ...matrix.counts[i]!.map((count, j) =>
                cell(String(count), { number: true, ...(i === j && { fill: '#e2e2e2' }) }),
              ),
            ],
          }),
      ),
    ],
  });
}

function body(model: ReportModel): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(model.title) }),
    ...scopeLines(model).map((line) => paragraph(line)),
    heading('Coded passages', HeadingLevel.HEADING_1),
  ];
  if (model.sections.length === 0) out.push(paragraph(NO_PASSAGES, { italics: true }));
  for (const section of model.sections) {
    out.push(heading(section.path, levelOf(section.depth)));
    if (section.passages.length === 0) out.push(paragraph(NO_OWN_PASSAGES, { italics: true }));
    else out.push(paragraph(passageCount(section.passages.length), { italics: true }));
    for (const p of section.passages) out.push(...passage(p));
  }
  if (model.codebook) {
    out.push(heading('Codebook', HeadingLevel.HEADING_1));
    for (const entry of model.codebook) {
      out.push(heading(entry.path, levelOf(entry.depth)));
      const fields = GUIDANCE.filter(([key]) => entry[key].trim());
      if (fields.length === 0) out.push(paragraph(NO_DEFINITION, { italics: true }));
      for (const [key, label] of fields) {
        const text = entry[key].trim();
        out.push(
          new Paragraph({
            children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(text)],
            ...(isRightToLeft(text) && { bidirectional: true }),
          }),
        );
      }
    }
  }
  if (model.figures) {
    const { frequencies, cooccurrence } = model.figures;
    out.push(heading('Figures', HeadingLevel.HEADING_1));
    if (frequencies.length === 0) {
      out.push(paragraph('No coded passages to draw.', { italics: true }));
    } else {
      out.push(heading('Passages per tag', HeadingLevel.HEADING_2));
      out.push(frequencyTable(frequencies), paragraph(FREQUENCY_CAPTION, { italics: true }));
      if (cooccurrence.tags.length > 1) {
        out.push(heading('Co-occurrence of tags', HeadingLevel.HEADING_2));
        out.push(
          cooccurrenceTable(cooccurrence),
          paragraph(
            COOCCURRENCE_CAPTION + omittedLine(cooccurrence.tags.length, cooccurrence.omitted),
            { italics: true },
          ),
        );
      }
    }
  }
  return out;
}

export async function renderReportDocx(model: ReportModel): Promise<Uint8Array> {
  const document = new Document({
    title: xmlText(model.title),
    creator: 'Research Notebook',
    description: 'A report of coded passages',
    styles: {
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: QUOTE_STYLE,
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 567 }, spacing: { before: 160, after: 40 } },
        },
        {
          id: COMMENT_STYLE,
          name: 'Passage note',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 20, color: '444444' },
          paragraph: { indent: { left: 567 }, spacing: { after: 60 } },
        },
      ],
    },
    sections: [{ children: body(model) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
