// Which paths go into the OS's recent documents: absolute paths of article files and REFI-QDA
// projects, by their names; nothing relative, nothing with control characters, nothing else.
import { describe, expect, it } from 'vitest';
import { hasRecentDocuments, recentDocumentPath } from '../../../electron/main/recent';

describe('recentDocumentPath', () => {
  it('keeps absolute paths of article files and projects, with any letters in them', () => {
    for (const path of [
      '/home/analyst/Məqalələr ə ş ı İ/Bakı 🇦🇿.pdf',
      '/home/analyst/notes?/]draft.MD',
      '/Users/a/Documents/project.qdpx',
      '/Users/a/Documents/codebook.QDC',
      '/tmp/article.docx',
      '/tmp/page.mhtml',
    ])
      expect(recentDocumentPath(path), path).toBe(path);
  });

  it('leaves out relative paths, other files, control characters and what is no string', () => {
    for (const value of [
      'article.pdf',
      './article.pdf',
      '/tmp/photo.jpg',
      '/tmp/.DS_Store',
      '/tmp/no-extension',
      '/tmp/line\nbreak.pdf',
      '/tmp/nul\u0000.pdf',
      `/${'a'.repeat(5000)}.pdf`,
      '',
      42,
      null,
      undefined,
      { path: '/tmp/a.pdf' },
    ])
      expect(recentDocumentPath(value), String(value)).toBeUndefined();
  });
});

describe('hasRecentDocuments', () => {
  it('is macOS and Windows (Electron keeps none on Linux)', () => {
    expect(hasRecentDocuments('darwin')).toBe(true);
    expect(hasRecentDocuments('win32')).toBe(true);
    expect(hasRecentDocuments('linux')).toBe(false);
  });
});
