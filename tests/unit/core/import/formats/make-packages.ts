// EPUB books and ODT documents, written as their own writers write them: XML files zipped with
// `mimetype` first and stored uncompressed, the rest deflated (fflate).
import { strToU8, zipSync, type Zippable } from 'fflate';

const WORDS = (
  'the ferry crossing from Baku to Turkmenbashi carries freight and passengers across the ' +
  'Caspian Sea while analysts weigh tariffs schedules and the port authority reports on ' +
  'cargo volumes that rose sharply after the new terminal opened in the spring'
).split(' ');

/** A sentence-like paragraph of `n` words, different for each `seed`. */
export function prose(seed: number, n = 60): string {
  const words = Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A zip as EPUB and ODT need it: `mimetype` first, stored, then the rest deflated. */
export function zipPackage(mimetype: string, files: Record<string, string>): Uint8Array {
  const entries: Zippable = { mimetype: [strToU8(mimetype), { level: 0 }] };
  for (const [name, content] of Object.entries(files)) entries[name] = strToU8(content);
  return zipSync(entries, { level: 6 });
}

export const EPUB_FACTS = {
  title: 'Crossings of the Caspian',
  authors: ['Leyla Aliyeva', 'Jamal Mammadov'],
  illustrator: 'Nigar Rzayeva',
  publisher: 'Baku University Press',
  published: '2019-05-04',
  doi: '10.5555/caspian.book',
  language: 'en',
} as const;

export interface EpubOptions {
  /** Chapters in the contents (default 3). */
  chapters?: number;
  /** Paragraphs of prose in each (default 3). */
  paragraphs?: number;
  /** 3: a nav document (default); 2: toc.ncx, with a chapter split over two files and two chapters in one file. */
  version?: 2 | 3;
  /** Protect the chapters: an encryption.xml naming them, or Adobe's rights.xml. */
  drm?: 'encryption' | 'rights';
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

const chapterTitle = (i: number) => `Chapter ${i}. Crossing ${i}`;
const chapterHeading = (i: number) => `Crossing ${i}`;

function xhtml(title: string, body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en">
<head><title>${title}</title><link rel="stylesheet" type="text/css" href="../style.css"/></head>
<body>
${body}
</body>
</html>`;
}

function chapterBody(i: number, paragraphs: number): string {
  const extra =
    i === 2
      ? `<ol><li>Load the freight</li><li>Board the passengers<ul><li>Cabins first</li></ul></li></ol>
<table><thead><tr><th>Port</th><th>Ships</th></tr></thead><tbody><tr><td>Baku</td><td>12</td></tr></tbody></table>`
      : '';
  const prose_ = Array.from({ length: paragraphs }, (_, p) => `<p>${prose(i * 100 + p)}</p>`);
  return `<section epub:type="chapter" id="c${i}">
<h1>${chapterHeading(i)}</h1>
<p><a id="start-${i}"/>Chapter&nbsp;${i} opens with <em>spray</em> and <a href="https://example.org/ch${i}">a link</a>.</p>
${extra}
${prose_.join('\n')}
</section>`;
}

/** An EPUB 3 book (nav.xhtml) or, with `version: 2`, an EPUB 2 one (toc.ncx). */
export function makeEpub(options: EpubOptions = {}): Uint8Array {
  const chapters = options.chapters ?? 3;
  const paragraphs = options.paragraphs ?? 3;
  const files: Record<string, string> = { 'META-INF/container.xml': CONTAINER };
  const manifest: string[] = [];
  const spine: string[] = [];
  const add = (
    id: string,
    href: string,
    content: string,
    type = 'application/xhtml+xml',
    extra = '',
  ) => {
    files[`OEBPS/${decodeURI(href)}`] = content;
    manifest.push(`<item id="${id}" href="${href}" media-type="${type}"${extra}/>`);
  };
  files['OEBPS/style.css'] = 'body { margin: 0 }';
  manifest.push('<item id="css" href="style.css" media-type="text/css"/>');
  add(
    'cover-image',
    'images/cover.svg',
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'image/svg+xml',
    ' properties="cover-image"',
  );
  add(
    'cover',
    'text/cover.xhtml',
    xhtml('Cover', '<div><img src="../images/cover.svg" alt="Cover"/></div>'),
  );
  spine.push('<itemref idref="cover" linear="no"/>');

  // A chapter file name with a space: hrefs carry it percent-encoded.
  const chapterHref = (i: number) =>
    i === 3 ? 'text/chapter%203.xhtml' : `text/chapter-${i}.xhtml`;
  const toc: { href: string; label: string; children?: { href: string; label: string }[] }[] = [];
  const v2 = options.version === 2;
  for (let i = 1; i <= chapters; i++) {
    if (v2 && i === 2) {
      // Two chapters in one file, the second found by its fragment, with a section inside the first.
      add(
        'ch2',
        'text/chapters-2-3.xhtml',
        xhtml(
          'Chapters 2 and 3',
          `${chapterBody(2, paragraphs)}
<h2 id="s2-1">Crossing 2, the return</h2><p>${prose(250)}</p>
<a id="ch3"/>
<h1>${chapterHeading(3)}</h1><p>${prose(300)}</p>`,
        ),
      );
      spine.push('<itemref idref="ch2"/>');
      toc.push({
        href: 'text/chapters-2-3.xhtml',
        label: chapterTitle(2),
        children: [{ href: 'text/chapters-2-3.xhtml#s2-1', label: 'The return' }],
      });
      toc.push({ href: 'text/chapters-2-3.xhtml#ch3', label: chapterTitle(3) });
      i = 3;
      continue;
    }
    add(`ch${i}`, chapterHref(i), xhtml(chapterTitle(i), chapterBody(i, paragraphs)));
    spine.push(`<itemref idref="ch${i}"/>`);
    toc.push({ href: chapterHref(i), label: chapterTitle(i) });
    if (v2 && i === 1) {
      // A long chapter split in two files, as converters do: the second has no heading and no entry.
      add('ch1b', 'text/chapter-1-split.xhtml', xhtml(chapterTitle(1), `<p>${prose(150)}</p>`));
      spine.push('<itemref idref="ch1b"/>');
    }
  }
  // In no contents, but with a heading of its own.
  add(
    'after',
    'text/afterword.xhtml',
    xhtml('Afterword', `<h1>Afterword</h1><p>${prose(999)}</p>`),
  );
  spine.push('<itemref idref="after"/>');

  if (v2) {
    const points = toc
      .map((entry, n) => {
        const children = (entry.children ?? [])
          .map(
            (c, m) =>
              `<navPoint id="np${n}-${m}"><navLabel><text>${c.label}</text></navLabel><content src="${c.href}"/></navPoint>`,
          )
          .join('');
        return `<navPoint id="np${n}" playOrder="${n + 1}"><navLabel><text>${entry.label}</text></navLabel><content src="${entry.href}"/>${children}</navPoint>`;
      })
      .join('\n');
    add(
      'ncx',
      'toc.ncx',
      `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/><docTitle><text>${EPUB_FACTS.title}</text></docTitle>
<navMap>${points}</navMap></ncx>`,
      'application/x-dtbncx+xml',
    );
  } else {
    const items = toc.map((e) => `<li><a href="${e.href}">${e.label}</a></li>`).join('\n');
    add(
      'nav',
      'nav.xhtml',
      xhtml(
        'Contents',
        `<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>${items}</ol></nav>
<nav epub:type="landmarks" hidden=""><ol><li><a epub:type="bodymatter" href="text/chapter-1.xhtml">Start</a></li></ol></nav>`,
      ),
      'application/xhtml+xml',
      ' properties="nav"',
    );
    spine.splice(1, 0, '<itemref idref="nav"/>');
  }

  // Fonts are obfuscated in DRM-free books too: that alone must not read as protection.
  files['OEBPS/fonts/serif.otf'] = 'not really a font';
  manifest.push('<item id="font" href="fonts/serif.otf" media-type="font/otf"/>');
  const encrypted = [
    'OEBPS/fonts/serif.otf',
    ...(options.drm === 'encryption' ? ['OEBPS/text/chapter-1.xhtml'] : []),
  ];
  const algorithm = (path: string) =>
    path.endsWith('.otf')
      ? 'http://www.idpf.org/2008/embedding'
      : 'http://www.w3.org/2001/04/xmlenc#aes128-cbc';
  files['META-INF/encryption.xml'] = `<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
${encrypted.map((p) => `<enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm(p)}"/><enc:CipherData><enc:CipherReference URI="${p}"/></enc:CipherData></enc:EncryptedData>`).join('\n')}
</encryption>`;
  if (options.drm === 'rights')
    files['META-INF/rights.xml'] =
      '<?xml version="1.0"?><adept:rights xmlns:adept="http://ns.adobe.com/adept"/>';

  files['OEBPS/content.opf'] = v2 ? opf2(manifest, spine) : opf3(manifest, spine);
  return zipPackage('application/epub+zip', files);
}

function opf3(manifest: string[], spine: string[]): string {
  const f = EPUB_FACTS;
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:identifier id="uid">urn:uuid:0b5e7a2c-6d3f-4e1a-9c2b-1f2e3d4c5b6a</dc:identifier>
  <dc:identifier id="doi">doi:${f.doi}</dc:identifier>
  <dc:title id="sub">The Ferry Years</dc:title>
  <meta refines="#sub" property="title-type">subtitle</meta>
  <dc:title id="main">${f.title}</dc:title>
  <meta refines="#main" property="title-type">main</meta>
  <dc:creator id="a1">${f.authors[0]}</dc:creator>
  <meta refines="#a1" property="role" scheme="marc:relators">aut</meta>
  <dc:creator id="ill">${f.illustrator}</dc:creator>
  <meta refines="#ill" property="role" scheme="marc:relators">ill</meta>
  <dc:creator id="a2">${f.authors[1]}</dc:creator>
  <dc:publisher>${f.publisher}</dc:publisher>
  <dc:date>${f.published}</dc:date>
  <dc:language>${f.language}</dc:language>
  <meta property="dcterms:modified">2020-01-01T00:00:00Z</meta>
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine>
${spine.join('\n')}
</spine>
</package>`;
}

function opf2(manifest: string[], spine: string[]): string {
  const f = EPUB_FACTS;
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
  <dc:title>${f.title}</dc:title>
  <dc:creator opf:role="aut" opf:file-as="Aliyeva, Leyla">${f.authors[0]}</dc:creator>
  <dc:creator opf:role="ill">${f.illustrator}</dc:creator>
  <dc:creator opf:role="aut">${f.authors[1]}</dc:creator>
  <dc:date opf:event="modification">2021-02-02</dc:date>
  <dc:date opf:event="publication">${f.published}</dc:date>
  <dc:publisher>${f.publisher}</dc:publisher>
  <dc:identifier id="uid" opf:scheme="DOI">${f.doi}</dc:identifier>
  <dc:language>${f.language}</dc:language>
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine toc="ncx">
${spine.join('\n')}
</spine>
</package>`;
}

export const ODT_FACTS = {
  title: 'Harbour notes',
  author: 'Leyla Aliyeva',
  lastEditor: 'Copy Editor',
  created: '2018-03-09',
  link: 'https://example.org/harbour',
} as const;

/**
 * An OpenDocument text as LibreOffice writes it: automatic styles for bold and italic spans, a
 * named Emphasis style, headings with outline levels, a numbered list (nested) and a bulleted
 * one, a table with a header row, a quotation, code, a captioned text box, a footnote, spaces,
 * tabs and line breaks; and what is no text (a table of contents, a comment, a tracked deletion).
 */
export function makeOdt(): Uint8Array {
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" ' +
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3"';
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${ns}>
<office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
  <style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
  <style:style style:name="T3" style:family="text" style:parent-style-name="Emphasis"><style:text-properties fo:color="#c00000"/></style:style>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="P2" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>
  <text:list-style style:name="L1">
    <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
    <text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>
  </text:list-style>
  <text:list-style style:name="L2">
    <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
  </text:list-style>
</office:automatic-styles>
<office:body><office:text>
  <text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><text:p>Deleted words never shown.</text:p></text:deletion></text:changed-region></text:tracked-changes>
  <text:table-of-content text:name="Contents"><text:index-body><text:index-title><text:p>Contents</text:p></text:index-title><text:p>Arrivals 1</text:p></text:index-body></text:table-of-content>
  <text:p text:style-name="Title">${ODT_FACTS.title}</text:p>
  <text:h text:style-name="P2" text:outline-level="1">Arrivals</text:h>
  <text:p text:style-name="Text_20_body">Ships from <text:span text:style-name="T1">Aktau</text:span> and <text:span text:style-name="T2">Turkmenbashi</text:span> dock<text:s text:c="2"/>here,<text:tab/>daily.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Counted by the harbour master.</text:p></text:note-body></text:note> See <text:a xlink:type="simple" xlink:href="${ODT_FACTS.link}">the harbour site</text:a><office:annotation><dc:creator>Reviewer</dc:creator><text:p>A comment, not text.</text:p></office:annotation> and <text:span text:style-name="T3">the log</text:span>.<text:change-start text:change-id="ct1"/><text:change-end text:change-id="ct1"/></text:p>
  <text:p text:style-name="P1">A bold paragraph.</text:p>
  <text:p text:style-name="Text_20_body">First line<text:line-break/>second line</text:p>
  <text:h text:outline-level="2">Departures</text:h>
  <text:list text:style-name="L1" xml:id="list1">
    <text:list-item><text:p>Check tickets</text:p>
      <text:list><text:list-item><text:p>At the gate</text:p></text:list-item><text:list-item><text:p>On board</text:p></text:list-item></text:list>
    </text:list-item>
    <text:list-item><text:p>Cast off</text:p></text:list-item>
  </text:list>
  <text:p text:style-name="Text_20_body">Between the lists.</text:p>
  <text:list text:style-name="L1" text:continue-numbering="true">
    <text:list-item><text:p>Sail east</text:p></text:list-item>
  </text:list>
  <text:list text:style-name="L2">
    <text:list-item><text:p>Cargo</text:p></text:list-item>
    <text:list-item><text:p>Mail</text:p></text:list-item>
  </text:list>
  <table:table table:name="Sailings">
    <table:table-column table:number-columns-repeated="2"/>
    <table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><text:p>Port</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Ships</text:p></table:table-cell></table:table-row></table:table-header-rows>
    <table:table-row><table:table-cell><text:p>Baku</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="12"><text:p>12</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Both ports</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
  </table:table>
  <text:p text:style-name="Quotations">The sea was calm.</text:p>
  <text:p text:style-name="Preformatted_20_Text">ferry --sail<text:s text:c="2"/>east</text:p>
  <text:p text:style-name="Preformatted_20_Text"><text:s text:c="2"/>--port Baku</text:p>
  <text:p text:style-name="Text_20_body">Before the frame<draw:frame draw:name="Frame1" text:anchor-type="as-char"><draw:text-box><text:p text:style-name="Caption">Figure 1: The quay</text:p></draw:text-box></draw:frame> after it.</text:p>
  <text:p text:style-name="Text_20_body"/>
</office:text></office:body>
</office:document-content>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${ns}><office:styles>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"/>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>
  <style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
</office:styles></office:document-styles>`;
  const meta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${ns}><office:meta>
  <meta:generator>LibreOffice/7.4</meta:generator>
  <dc:title>${ODT_FACTS.title}</dc:title>
  <meta:initial-creator>${ODT_FACTS.author}</meta:initial-creator>
  <dc:creator>${ODT_FACTS.lastEditor}</dc:creator>
  <meta:creation-date>${ODT_FACTS.created}T10:11:12.000000000</meta:creation-date>
  <dc:date>2020-07-01T08:00:00.000000000</dc:date>
  <dc:language>en-GB</dc:language>
</office:meta></office:document-meta>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
  <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
  <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
  <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;
  return zipPackage('application/vnd.oasis.opendocument.text', {
    'content.xml': content,
    'styles.xml': styles,
    'meta.xml': meta,
    'META-INF/manifest.xml': manifest,
  });
}
