// Real files for the format importers, made by the tools that make them elsewhere: DOCX by the
// docx library, EPUB and ODT zipped by fflate from their XML (as their own writers do), MHTML
// saved by Chromium. Small by default; `pages` and `chapters` make the bench's larger ones.
import {
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../../hosts/chromium';

import { prose } from './make-packages';

export * from './make-packages';

export const DOCX_FACTS = {
  title: 'Ferries of the Caspian',
  authors: ['Leyla Aliyeva', 'Jamal Mammadov'],
  lastModifiedBy: 'Copy Editor',
  link: 'https://example.org/ferries',
  doi: '10.1234/ferry.2019.7',
} as const;

/**
 * A Word document with every structure the importer keeps: title, headings, numbered and
 * bulleted lists, emphasis, a hyperlink, a table with a header row, two footnotes and an endnote.
 * With `pages`, that many pages of sections of prose (about 500 words each) follow.
 */
export async function makeDocx(options: { pages?: number } = {}): Promise<Uint8Array> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: DOCX_FACTS.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: 'Introduction', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      children: [
        new TextRun('Plain and '),
        new TextRun({ text: 'bold', bold: true }),
        new TextRun(' and '),
        new TextRun({ text: 'italic', italics: true }),
        new TextRun(' words.'),
        new FootnoteReferenceRun(1),
        new TextRun(' Tariffs rose'),
        new FootnoteReferenceRun(2),
        new TextRun(' in spring.'),
        new EndnoteReferenceRun(1),
      ],
    }),
    new Paragraph({
      children: [
        new TextRun('See '),
        new ExternalHyperlink({
          link: DOCX_FACTS.link,
          children: [new TextRun({ text: 'the ferry timetable', style: 'Hyperlink' })],
        }),
        new TextRun(' for sailings.'),
      ],
    }),
    new Paragraph({ text: 'Method', heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ text: 'Count the ships', numbering: { reference: 'steps', level: 0 } }),
    new Paragraph({ text: 'By port', numbering: { reference: 'steps', level: 1 } }),
    new Paragraph({ text: 'Weigh the cargo', numbering: { reference: 'steps', level: 0 } }),
    new Paragraph({ text: 'Baku', bullet: { level: 0 } }),
    new Paragraph({ text: 'Old port', bullet: { level: 1 } }),
    new Table({
      rows: [row(['Port', 'Ships'], true), row(['Baku', '12']), row(['Aktau', '7'])],
    }),
  ];
  const footnotes: Record<number, { children: Paragraph[] }> = {
    1: { children: [new Paragraph('Counted at the quay.')] },
    2: {
      children: [
        new Paragraph({
          children: [
            new TextRun('Per the '),
            new TextRun({ text: 'port', italics: true }),
            new TextRun('.'),
          ],
        }),
      ],
    },
  };
  for (let page = 1; page <= (options.pages ?? 0); page++) {
    body.push(new Paragraph({ text: `Section ${page}`, heading: HeadingLevel.HEADING_2 }));
    const note = 2 + page;
    footnotes[note] = { children: [new Paragraph(prose(page, 20))] };
    for (let p = 0; p < 7; p++) {
      const runs = [
        new TextRun(prose(page * 10 + p)),
        new TextRun({ text: ' stressed', bold: true }),
      ];
      if (p === 0) runs.push(new FootnoteReferenceRun(note));
      body.push(new Paragraph({ children: runs }));
    }
    if (page % 2 === 0) {
      for (const item of ['Freight', 'Passengers', 'Vehicles']) {
        body.push(new Paragraph({ text: item, bullet: { level: 0 } }));
      }
    }
    if (page % 5 === 0)
      body.push(new Table({ rows: [row(['Month', 'Tonnes'], true), row(['May', '4100'])] }));
  }
  const doc = new Document({
    title: DOCX_FACTS.title,
    creator: DOCX_FACTS.authors.join('; '),
    lastModifiedBy: DOCX_FACTS.lastModifiedBy,
    subject: `doi:${DOCX_FACTS.doi}`,
    footnotes,
    endnotes: { 1: { children: [new Paragraph('An endnote on sources.')] } },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)' },
          ],
        },
      ],
    },
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function row(cells: string[], tableHeader = false): TableRow {
  return new TableRow({
    tableHeader,
    children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })),
  });
}

/** An XHTML page: XML declaration, namespaces, self-closed tags, CDATA and an HTML entity. */
export function makeXhtml(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="az">
<head>
  <title>Gəncə station timetable</title>
  <script type="text/javascript" src="menu.js"/>
  <link rel="canonical" href="https://rail.example.az/ganja"/>
</head>
<body>
  <h1>Gəncə station timetable</h1>
  <p><a id="top"/>Trains leave Gəncə&nbsp;at dawn &mdash; every <em>weekday</em>.</p>
  <p><![CDATA[Fares & times are <approximate>.]]></p>
  <div/>
  <p>${prose(1)} ${prose(2)} ${prose(3)}</p>
  <p>See the <a href="/fares">fare table</a>.</p>
</body>
</html>
`;
}

/**
 * A page as Chromium's "Save as MHTML" writes it (the DevTools protocol's captureSnapshot, what
 * the browser's own save uses), served at `url` by route interception: nothing leaves the machine.
 */
export async function captureMhtml(url: string, html: string): Promise<string> {
  return withChromiumPage(url, html, async (page) => {
    const cdp = await page.context().newCDPSession(page);
    const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
    return data;
  });
}

/** Debian's Chromium with `html` served at `url` (any other request gets a stylesheet). */
export async function withChromiumPage<T>(
  url: string,
  html: string,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) =>
      route.request().url() === url
        ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
        : route.fulfill({ body: 'body { color: #222 }', contentType: 'text/css' }),
    );
    await page.goto(url);
    return await use(page);
  } finally {
    await browser.close();
  }
}
