// The REFI-QDA codebook (.qdc) from a real notebook: valid against REFI's Codebook.xsd, the tree
// and colours as the notebook has them, the same GUIDs as the project's codes; an empty
// codebook is refused in words (the schema wants one code), not written invalid.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guids, parseCodeDescription } from '../../../../electron/core/interchange';
import { exportedText } from '../../support/exported-text';
import { dispatchedNotebook, type DispatchedNotebook } from '../../support/dispatched-notebook';
import { fileOf, guidsIn, parseXml, readProject, type Node } from './read-project';
import { SCHEMA_SHA256, schemaText, sha256, validateAgainst } from './refi-schemas';

let nb: DispatchedNotebook;
beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-refi-codebook-');
});
afterEach(() => nb.close());

async function codebook() {
  await nb.call('createTag', { name: 'Economy', color: '#aa3300' });
  const economy = (await nb.call('listTags', {}))[0]!;
  await nb.call('createTag', {
    name: 'Trade & “tariffs”',
    parentId: economy.id,
    description: 'Goods crossing borders',
    example: 'İxrac 12% artdı 📈',
  });
  const trade = (await nb.call('listTags', {})).find((t) => t.parentId === economy.id)!;
  await nb.call('createTag', { name: 'Ölkələr <"quoted">', parentId: trade.id });
  await nb.call('createTag', { name: 'Politics' });
  return nb.call('listTags', {});
}

describe('the REFI-QDA codebook (.qdc)', () => {
  it('uses the schemas exactly as REFI published them', () => {
    expect(sha256(schemaText('project'))).toBe(SCHEMA_SHA256.project);
    expect(sha256(schemaText('codebook'))).toBe(SCHEMA_SHA256.codebook);
    expect(schemaText('codebook')).toContain(
      'This specification is licensed under the MIT license.',
    );
  });

  it('is valid, nested as the tree, with colours and guidance, GUIDs as in a project', async () => {
    const tags = await codebook();
    const file = fileOf(await nb.call('exportNotes', { format: 'refi-qdc' }));
    expect(file.fileName).toMatch(/^notebook-codebook-\d{4}-\d{2}-\d{2}\.qdc$/);
    expect(file.mimeType).toBe('application/x-qdc');
    const xml = exportedText(file);
    expect(await validateAgainst('codebook', xml, 'codebook.qdc')).toEqual({
      valid: true,
      errors: [],
    });
    const root = parseXml(xml).CodeBook as Node;
    expect(root.xmlns).toBe('urn:QDA-XML:codebook:1.0');
    const [economy, politics] = root.Codes.Code as Node[];
    expect([economy!.name, economy!.color, politics!.name]).toEqual([
      'Economy',
      '#aa3300',
      'Politics',
    ]);
    const trade = economy!.Code[0];
    expect(trade.name).toBe('Trade & “tariffs”');
    expect(trade.Code[0].name).toBe('Ölkələr <"quoted">');
    expect(parseCodeDescription(trade.Description)).toEqual({
      description: 'Goods crossing borders',
      whenToUse: '',
      whenNotToUse: '',
      example: 'İxrac 12% artdı 📈',
    });
    expect(guidsIn(xml).sort()).toEqual(tags.map((t) => guids.code(t.id)).sort());
    const project = readProject(fileOf(await nb.call('exportNotes', { format: 'refi-qdpx' })));
    for (const guid of guidsIn(xml)) expect(project.qde).toContain(`guid="${guid}"`);
  });

  it('is refused in words when the codebook is empty, and the validator would have refused it', async () => {
    expect(await nb.refusal('exportNotes', { format: 'refi-qdc' })).toMatch(
      /codebook is empty.*needs at least one tag/,
    );
    const empty =
      '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>\n';
    expect((await validateAgainst('codebook', empty, 'empty.qdc')).valid).toBe(false);
  });
});
