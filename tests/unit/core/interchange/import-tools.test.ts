// Projects as other tools write them, made by hand here (small project.qde strings zipped in the
// test): QualCoder (CRLF text, an empty <Sets/>, notes on selections), ATLAS.ti (a BOM,
// `Sources/`, braced upper-case GUIDs, a PDF with its plain-text representation, a region and a
// picture), NVivo (cases with variables, audio), MAXQDA (decomposed accents, one selection that
// ends inside a letter). And .qdc codebooks merged with conflicts settled each way.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/core/dispatch';
import { openNotebook } from '../../../../electron/core/notebook';
import type { CallName, CallResult } from '../../../../electron/shared/contract';
import { makeDocx } from '../import/formats/make-files';
import { fileOf } from './read-project';

interface Nb {
  call<K extends CallName>(name: K, input: unknown): Promise<CallResult<K>>;
  close(): Promise<void>;
}
const open: Nb[] = [];
afterEach(async () => {
  for (const nb of open.splice(0)) await nb.close();
});

async function notebook(): Promise<Nb> {
  const dir = await mkdtemp(join(tmpdir(), 'notebook-refi-tools-'));
  let clock = Date.parse('2027-01-01T08:00:00Z');
  const nb = await openNotebook({
    dataDir: dir,
    now: () => new Date((clock += 1000)),
    newId: randomUUID,
  });
  const dispatch = createDispatcher(nb.handlers, () => undefined);
  const handle: Nb = {
    async call(name, input) {
      const answer = await dispatch(name, input);
      if (!answer.ok) throw new Error(`${name} refused: ${answer.error.message}`);
      return answer.value as never;
    },
    async close() {
      await nb.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  open.push(handle);
  return handle;
}

const cp = (text: string, words: string) => {
  const at = text.indexOf(words);
  expect(at, words).toBeGreaterThanOrEqual(0);
  const start = Array.from(text.slice(0, at)).length;
  return `startPosition="${start}" endPosition="${start + Array.from(words).length}"`;
};

const G = {
  user: 'a1b2c3d4-0000-4000-8000-000000000001',
  econ: 'a1b2c3d4-0000-4000-8000-0000000000c1',
  trade: 'a1b2c3d4-0000-4000-8000-0000000000c2',
  src: 'a1b2c3d4-0000-4000-8000-0000000000s1'.replace('s', 'e'),
  sel1: 'a1b2c3d4-0000-4000-8000-0000000000a1',
  sel2: 'a1b2c3d4-0000-4000-8000-0000000000a2',
  note: 'a1b2c3d4-0000-4000-8000-0000000000b1',
  memo: 'a1b2c3d4-0000-4000-8000-0000000000b2',
};

const QUALCODER_TEXT =
  'Interview 1\r\n\r\nQ: Bakı limanı? 🚢\r\nA: Trade grew, mostly exports.\r\n';

function qualcoder(): Uint8Array {
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="QualCoder 3.5" creationDateTime="2025-05-01T10:00:00Z">
<Users><User guid="${G.user}" name="Aysel Məmmədova"/></Users>
<CodeBook><Codes>
<Code guid="${G.econ}" name="Economy" isCodable="true" color="#F00"><Description>Money matters.</Description>
<Code guid="${G.trade}" name="Trade/Exports" isCodable="true" color="#00aa00"/>
</Code>
</Codes></CodeBook>
<Sources>
<TextSource guid="${G.src}" name="Interview 1" plainTextPath="internal://${G.src}.txt" creatingUser="${G.user}" creationDateTime="2025-05-01T10:00:00Z">
<PlainTextSelection guid="${G.sel1}" name="Trade grew" ${cp(QUALCODER_TEXT, 'Trade grew, mostly exports.')} creatingUser="${G.user}" creationDateTime="2025-05-02T10:00:00Z">
<Description>Said with pride</Description>
<Coding guid="${randomUUID()}" creatingUser="${G.user}"><CodeRef targetGUID="${G.trade}"/></Coding>
<NoteRef targetGUID="${G.note}"/>
</PlainTextSelection>
<PlainTextSelection guid="${G.sel2}" name="port" ${cp(QUALCODER_TEXT, 'Bakı limanı? 🚢')}>
<Coding guid="${randomUUID()}"><CodeRef targetGUID="${G.econ}"/></Coding>
</PlainTextSelection>
<NoteRef targetGUID="${G.memo}"/>
</TextSource>
</Sources>
<Notes>
<Note guid="${G.note}" name="on trade"><PlainTextContent>Check the 2019 figures &amp; &lt;tables&gt;.</PlainTextContent></Note>
<Note guid="${G.memo}" name="memo"><PlainTextContent>Recorded in Bakı.</PlainTextContent></Note>
<Note guid="${randomUUID()}" name="project note"><PlainTextContent>Loose.</PlainTextContent></Note>
</Notes>
<Sets/>
</Project>`;
  return zipSync({
    'project.qde': strToU8(qde.replace(/\n/g, '\r\n')),
    [`sources/${G.src}.txt`]: strToU8(QUALCODER_TEXT),
  });
}

const ATLAS_TEXT = 'Report on ports\n\nThe port of Alət handles ferries.';

function atlas(): Uint8Array {
  const up = (g: string) => `{${g.toUpperCase()}}`;
  const rep = 'b1b2c3d4-0000-4000-8000-0000000000f1';
  const pdf = 'b1b2c3d4-0000-4000-8000-0000000000f0';
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Ports" origin="ATLAS.ti 23">
<CodeBook><Codes><Code guid="${up(G.econ)}" name="Ports" isCodable="true"/></Codes></CodeBook>
<Sources>
<PDFSource guid="${up(pdf)}" name="Report.pdf" path="internal://${pdf}.pdf">
<Representation guid="${up(rep)}" plainTextPath="internal://${rep}.txt">
<PlainTextSelection guid="${up(G.sel1)}" name="ferries" ${cp(ATLAS_TEXT, 'port of Alət')}>
<Coding guid="${up(randomUUID())}"><CodeRef targetGUID="${up(G.econ)}"/></Coding>
</PlainTextSelection>
</Representation>
<PDFSelection guid="${up(randomUUID())}" page="1" firstX="1" firstY="1" secondX="9" secondY="9">
<Coding guid="${up(randomUUID())}"><CodeRef targetGUID="${up(G.econ)}"/></Coding>
</PDFSelection>
</PDFSource>
<PictureSource guid="${up(randomUUID())}" name="map.png" path="internal://map.png">
<PictureSelection guid="${up(randomUUID())}" firstX="0" firstY="0" secondX="5" secondY="5"/>
</PictureSource>
</Sources>
</Project>`;
  return zipSync({
    'project.qde': new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(qde)]),
    [`Sources/${rep}.txt`]: strToU8(ATLAS_TEXT),
    [`Sources/${pdf}.pdf`]: strToU8('%PDF-1.4 not really'),
  });
}

const NVIVO_TEXT = 'Focus group, Gəncə.\n\nEveryone spoke of the market.';

function nvivo(): Uint8Array {
  const src = 'c1b2c3d4-0000-4000-8000-0000000000e1';
  const variable = 'c1b2c3d4-0000-4000-8000-0000000000d1';
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Groups" origin="NVivo 14">
<Variables><Variable guid="${variable}" name="City" typeOfVariable="Text"/></Variables>
<Cases><Case guid="${randomUUID()}" name="Gəncə group">
<VariableValue><VariableRef targetGUID="${variable}"/><TextValue>Gəncə</TextValue></VariableValue>
<SourceRef targetGUID="${src}"/></Case></Cases>
<Sources>
<TextSource guid="${src}" name="Group 1"><PlainTextContent>${NVIVO_TEXT}</PlainTextContent>
<PlainTextSelection guid="${randomUUID()}" name="market" ${cp(NVIVO_TEXT, 'the market')}/>
</TextSource>
<AudioSource guid="${randomUUID()}" name="Group 1.mp3" path="internal://g1.mp3">
<AudioSelection guid="${randomUUID()}" begin="0" end="10"/>
</AudioSource>
</Sources>
</Project>`;
  return zipSync({ 'project.qde': strToU8(qde) });
}

// Decomposed, as macOS tools often save text: e + U+0301, and a selection ending between them.
const MAXQDA_TEXT = 'Cafe\u0301 talk in Şəki, caf\u0065\u0301 again.';

function maxqda(): Uint8Array {
  const src = 'd1b2c3d4-0000-4000-8000-0000000000e1';
  const chars = Array.from(MAXQDA_TEXT);
  const cut = chars.lastIndexOf('\u0301');
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Cafés" origin="MAXQDA 2022">
<Sources>
<TextSource guid="${src}" name="Talk" plainTextPath="internal://${src}.txt">
<PlainTextSelection guid="${randomUUID()}" name="whole" ${cp(MAXQDA_TEXT, 'Cafe\u0301 talk in Şəki')}/>
<PlainTextSelection guid="${randomUUID()}" name="cut" startPosition="${cut - 4}" endPosition="${cut}"/>
</TextSource>
</Sources>
</Project>`;
  return zipSync({ 'project.qde': strToU8(qde), [`sources/${src}.txt`]: strToU8(MAXQDA_TEXT) });
}

async function passages(nb: Nb) {
  const tags = await nb.call('listTags', {});
  const out: string[] = [];
  for (const article of await nb.call('listArticles', {})) {
    const full = await nb.call('getArticle', { id: article.id });
    for (const a of await nb.call('listAnnotations', { articleId: article.id })) {
      const { start, end } = a.selectors[0];
      const words = a.anchor === 'anchored' ? full.text.slice(start, end) : a.selectors[1].exact;
      const paths = a.tagIds.map((id) => tags.find((t) => t.id === id)!.path);
      out.push(`${full.title}: ${words} [${a.anchor}] ${paths.join(', ')} ${a.comment}`.trim());
    }
  }
  return out.sort();
}

describe('projects written by other tools', () => {
  it('QualCoder: CRLF text and document, an empty <Sets/>, notes as comments and memo', async () => {
    const nb = await notebook();
    const bytes = qualcoder();
    const preview = await nb.call('previewProject', { fileName: 'interviews.qdpx', bytes });
    expect(preview.origin).toBe('QualCoder 3.5');
    expect(preview.counts).toMatchObject({ codes: 2, codings: 2, notes: 3, users: 1 });
    expect(preview.tolerated.join(' ')).toMatch(/empty <Sets\/>/);
    expect(preview.tolerated.join(' ')).toMatch(/CRLF/);
    const report = await nb.call('importProject', { fileName: 'interviews.qdpx', bytes });
    expect(report.annotations).toEqual({ placed: 2, toReview: 0 });
    expect(report.notImported.map((n) => n.topic)).toEqual(['loose-note']);
    expect(await passages(nb)).toEqual([
      'Interview 1: Bakı limanı? 🚢 [anchored] Economy',
      'Interview 1: Trade grew, mostly exports. [anchored] Economy/Trade∕Exports Said with pride\n\nCheck the 2019 figures & <tables>.',
    ]);
    const [article] = await nb.call('listArticles', {});
    const full = await nb.call('getArticle', { id: article!.id });
    expect(full.text).toBe(QUALCODER_TEXT.replace(/\r\n/g, '\n'));
    expect(full.memo).toBe('Recorded in Bakı.');
    const tags = await nb.call('listTags', {});
    expect(tags.map((t) => [t.path, t.color, t.description])).toEqual([
      ['Economy', '#ff0000', 'Money matters.'],
      ['Economy/Trade∕Exports', '#00aa00', ''],
    ]);
    const [analyst] = await nb.call('listAnalysts', {});
    expect(analyst).toMatchObject({ id: G.user, name: 'Aysel Məmmədova', initials: 'AM' });
    const annotations = await nb.call('listAnnotations', { articleId: article!.id });
    expect(annotations.map((a) => a.id).sort()).toEqual([G.sel1, G.sel2].sort());
  });

  it('ATLAS.ti: BOM, Sources/, braced GUIDs, a PDF by its representation, regions and pictures counted', async () => {
    const nb = await notebook();
    const bytes = atlas();
    const preview = await nb.call('previewProject', { fileName: 'ports.qdpx', bytes });
    const tolerated = preview.tolerated.join(' ');
    expect(tolerated).toMatch(/byte-order mark/);
    expect(tolerated).toMatch(/“Sources\/”/);
    expect(tolerated).toMatch(/braces/);
    expect(preview.sources.map((s) => [s.name, s.kind, s.problem ?? ''])).toEqual([
      ['Report.pdf', 'pdf', ''],
      ['map.png', 'picture', 'The notebook holds text only.'],
    ]);
    expect(preview.notImported.map((n) => [n.topic, n.count])).toEqual([
      ['picture-source', 1],
      ['pdf-region', 1],
    ]);
    const report = await nb.call('importProject', { fileName: 'ports.qdpx', bytes });
    expect(report.annotations).toEqual({ placed: 1, toReview: 0 });
    expect(await passages(nb)).toEqual(['Report.pdf: port of Alət [anchored] Ports']);
    const [article] = await nb.call('listArticles', {});
    expect(article!.format).toBe('pdf');
    const tags = await nb.call('listTags', {});
    // The braced upper-case GUID is our lower-case id.
    expect(tags[0]!.id).toBe(G.econ);
  });

  it('NVivo: text inline, a case’s variables as attributes, audio counted', async () => {
    const nb = await notebook();
    const report = await nb.call('importProject', { fileName: 'groups.qdpx', bytes: nvivo() });
    expect(report.annotations.placed).toBe(1);
    expect(report.notImported.map((n) => n.topic)).toEqual(['audio-source']);
    expect(report.notImported[0]!.text).toMatch(/1 source is audio recordings, with 1 selection/);
    const [article] = await nb.call('listArticles', {});
    expect(article!.attributes).toEqual({ City: 'Gəncə' });
    expect(await passages(nb)).toEqual(['Group 1: the market [anchored]']);
  });

  it('MAXQDA: decomposed accents stored in NFC; a selection ending inside a letter goes to review', async () => {
    const nb = await notebook();
    const report = await nb.call('importProject', { fileName: 'cafes.qdpx', bytes: maxqda() });
    expect(report.annotations).toEqual({ placed: 1, toReview: 1 });
    const [article] = await nb.call('listArticles', {});
    expect(article!.needsReview).toBe(1);
    const full = await nb.call('getArticle', { id: article!.id });
    expect(full.text).toBe(MAXQDA_TEXT.normalize('NFC'));
    expect(await passages(nb)).toEqual([
      'Talk: Café talk in Şəki [anchored]',
      // Its quote as the file has it, NFC: never moved onto the neighbouring letters.
      `Talk: ${'cafe'.normalize('NFC')} [orphaned]`,
    ]);
  });
});

describe('a Word source without its plain text', () => {
  it('is read by our importer; a selection is placed only where its name confirms the words', async () => {
    const first = await notebook();
    const summary = await first.call('importFile', {
      fileName: 'ferries.docx',
      bytes: await makeDocx(),
    });
    const article = await first.call('getArticle', { id: summary.id });
    const phrase = article.text.slice(0, 12);
    await first.call('createAnnotation', {
      articleId: article.id,
      start: 0,
      end: 12,
      tagNames: ['Ferries'],
      comment: '',
    });
    const entries = unzipSync(
      fileOf(await first.call('exportNotes', { format: 'refi-qdpx' })).bytes,
    );
    // As a tool that keeps only the Word file writes it: no plain text beside it.
    let qde = strFromU8(entries['project.qde']!).replace(/ plainTextPath="[^"]*"/g, '');
    // A second selection whose name doesn't match the words at its place.
    qde = qde.replace(
      /(<PlainTextSelection[^>]*>[\s\S]*?<\/PlainTextSelection>)/,
      `$1<PlainTextSelection guid="${randomUUID()}" name="no such words" startPosition="2" endPosition="9"/>`,
    );
    const files = Object.fromEntries(
      Object.entries(entries).filter(([name]) => !name.endsWith('.txt')),
    );
    const bytes = zipSync({ ...files, 'project.qde': strToU8(qde) });
    const fresh = await notebook();
    const report = await fresh.call('importProject', { fileName: 'ferries.qdpx', bytes });
    expect(report.annotations).toEqual({ placed: 1, toReview: 1 });
    const [imported] = await fresh.call('listArticles', {});
    expect(imported!.format).toBe('docx');
    expect((await fresh.call('getArticle', { id: imported!.id })).text).toBe(article.text);
    expect(await passages(fresh)).toEqual([
      `${imported!.title}: ${phrase} [anchored] Ferries`,
      `${imported!.title}: no such words [orphaned]`,
    ]);
    // Word is read twice here (mammoth), on a machine that may be busy.
  }, 90_000);
});

describe('codebooks (.qdc)', () => {
  const qdc = (codes: string) =>
    strToU8(
      `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other"><Codes>${codes}</Codes></CodeBook>`,
    );

  it('merges by GUID, then by path; lists conflicts; settles each as the analyst chose', async () => {
    const nb = await notebook();
    const economy = await nb.call('createTag', { name: 'Economy', color: '#6cc4a4' });
    const people = await nb.call('createTag', { name: 'People', color: '#7aa7f0' });
    const bytes = qdc(
      [
        // The same GUID, renamed and recoloured in the other tool.
        `<Code guid="${people.id.toUpperCase()}" name="Persons" isCodable="true" color="#111111"/>`,
        // The same path, another colour and a definition.
        `<Code guid="${randomUUID()}" name="economy" isCodable="true" color="#222222"><Description>Money / trade</Description>`,
        `<Code guid="${randomUUID()}" name="Ənerji 🔋" isCodable="true"/></Code>`,
      ].join(''),
    );
    const preview = await nb.call('previewProject', { fileName: 'book.qdc', bytes });
    expect(preview.kind).toBe('codebook');
    expect(
      preview.conflicts.map((c) => [c.matchedBy, c.ours.path, c.theirs.path, c.theirs.color]),
    ).toEqual([
      ['guid', 'People', 'Persons', '#111111'],
      ['path', 'Economy', 'economy', '#222222'],
    ]);
    const economyGuid = preview.conflicts[1]!.guid;
    const report = await nb.call('importProject', {
      fileName: 'book.qdc',
      bytes,
      conflicts: { [people.id]: 'take-theirs', [economyGuid]: 'keep-both' },
    });
    expect(report.tags).toEqual({ created: 2, matched: 1, updated: 1 });
    const tags = await nb.call('listTags', {});
    expect(tags.map((t) => [t.path, t.color, t.description])).toEqual([
      ['Economy', '#6cc4a4', ''],
      // The file's own name, beside ours.
      ['economy (imported)', '#222222', 'Money / trade'],
      ['economy (imported)/Ənerji 🔋', expect.stringMatching(/^#[0-9a-f]{6}$/), ''],
      ['Persons', '#111111', ''],
    ]);
    expect(tags.find((t) => t.path === 'Persons')!.id).toBe(people.id);
    expect(economy.id).toBe(tags[0]!.id);
    const log = await nb.call('listCodebookLog', {});
    expect(log.map((e) => e.operation).sort()).toEqual(
      ['create', 'create', 'create', 'create', 'recolour', 'rename'].sort(),
    );
  });

  it('keeps ours by default', async () => {
    const nb = await notebook();
    await nb.call('createTag', { name: 'Economy', color: '#6cc4a4' });
    const bytes = qdc(
      `<Code guid="${randomUUID()}" name="Economy" isCodable="true" color="#222222"/>`,
    );
    const report = await nb.call('importProject', { fileName: 'book.qdc', bytes });
    expect(report.tags).toEqual({ created: 0, matched: 1, updated: 0 });
    const tags = await nb.call('listTags', {});
    expect(tags.map((t) => [t.path, t.color])).toEqual([['Economy', '#6cc4a4']]);
  });
});
