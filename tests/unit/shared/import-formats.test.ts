// The one table of importable extensions gives each its MIME type, whatever the name's case.
import { describe, expect, it } from 'vitest';
import {
  extensionOf,
  hasImportExtension,
  IMPORT_ACCEPT,
  IMPORT_EXTENSIONS,
  importMimeType,
} from '../../../electron/shared/import-formats';

describe('import formats', () => {
  it('names a MIME type for every importable extension, and a generic one for the rest', () => {
    for (const ext of IMPORT_EXTENSIONS) {
      expect(importMimeType(`paper.${ext}`)).not.toBe('application/octet-stream');
    }
    expect(importMimeType('Saved Page.XHT')).toBe('application/xhtml+xml');
    expect(importMimeType('notes.markdown')).toBe('text/markdown');
    expect(importMimeType('archive.v2.MHT')).toBe('multipart/related');
    expect(importMimeType('README')).toBe('application/octet-stream');
    expect(importMimeType('photo.jpeg')).toBe('application/octet-stream');
    // Not an inherited key of a plain object either.
    expect(importMimeType('x.constructor')).toBe('application/octet-stream');
  });

  it('accepts exactly those extensions in the file picker', () => {
    expect(IMPORT_ACCEPT.split(',')).toEqual(IMPORT_EXTENSIONS.map((e) => `.${e}`));
    expect(IMPORT_EXTENSIONS).toContain('pdf');
  });

  it('reads a name’s extension whatever its case and dots; a folder walk keeps only articles', () => {
    expect(extensionOf('Report v2.Final.DOCX')).toBe('docx');
    expect(extensionOf('.hidden')).toBe('hidden');
    expect(extensionOf('no-extension')).toBe('');
    expect(hasImportExtension('Bakı qeydləri 🤝.MD')).toBe(true);
    expect(hasImportExtension('figure.png')).toBe(false);
    expect(hasImportExtension('pdf')).toBe(false);
  });
});
