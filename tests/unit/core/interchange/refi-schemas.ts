// The REFI-QDA schemas (copied unchanged into tests/fixtures/refi) and a validator over them:
// libxml2's own schema checker, compiled to WebAssembly (xmllint-wasm), so no native xmllint.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const DIR = join(process.cwd(), 'tests', 'fixtures', 'refi');

export const SCHEMAS = {
  project: 'Project-mrt2019.xsd',
  codebook: 'Codebook.xsd',
} as const;

/** What REFI published (../shared/refi/README.md): a fixture that drifted would prove nothing. */
export const SCHEMA_SHA256: Record<keyof typeof SCHEMAS, string> = {
  project: 'a2cc1ffb4ab1c07c51d6c78e69f2c9968458a9f0ad3b317ddde27f1e86f15a15',
  codebook: '62a941a02df90991fd9e18bd97c571b88e3c493a722ef1e45a7247f787849c75',
};

export const schemaText = (which: keyof typeof SCHEMAS) =>
  readFileSync(join(DIR, SCHEMAS[which]), 'utf8');

export const sha256 = (text: string | Uint8Array) =>
  createHash('sha256').update(text).digest('hex');

/** xmllint's verdict on `xml` against one schema: valid, or the errors it names. */
export async function validateAgainst(which: keyof typeof SCHEMAS, xml: string, fileName: string) {
  const result = await validateXML({
    xml: { fileName, contents: xml },
    schema: { fileName: SCHEMAS[which], contents: schemaText(which) },
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}
