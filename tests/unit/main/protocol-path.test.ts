import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../electron/main/protocol-path';

const dir = resolve('/srv/app/out/renderer');
const fileOf = (url: string) => resolveAppRequest(url, dir);

describe('resolveAppRequest', () => {
  it('maps a URL onto a file inside the renderer folder', () => {
    expect(fileOf('app://notebook/index.html')).toEqual({ file: join(dir, 'index.html') });
    expect(fileOf('app://notebook/assets/index-abc.js')).toEqual({
      file: join(dir, 'assets', 'index-abc.js'),
    });
    expect(fileOf('app://notebook/assets/a%20b.css')).toEqual({
      file: join(dir, 'assets', 'a b.css'),
    });
  });

  it('serves index.html for the bare origin and for folders', () => {
    expect(fileOf('app://notebook')).toEqual({ file: join(dir, 'index.html') });
    expect(fileOf('app://notebook/')).toEqual({ file: join(dir, 'index.html') });
    expect(fileOf('app://notebook/docs/')).toEqual({ file: join(dir, 'docs', 'index.html') });
  });

  it('ignores the query string and the fragment', () => {
    expect(fileOf('app://notebook/index.html?v=2#top')).toEqual({ file: join(dir, 'index.html') });
    expect(fileOf('app://notebook/?../../etc/passwd')).toEqual({ file: join(dir, 'index.html') });
  });

  it('keeps ../ tricks inside the folder or refuses them', () => {
    // The URL parser folds plain and %2e-encoded dot segments before the path is seen.
    expect(fileOf('app://notebook/../../etc/passwd')).toEqual({ file: join(dir, 'etc', 'passwd') });
    expect(fileOf('app://notebook/%2e%2e/%2E%2E/etc/passwd')).toEqual({
      file: join(dir, 'etc', 'passwd'),
    });
    // An encoded slash survives the parser and would climb out once decoded.
    expect(fileOf('app://notebook/..%2f..%2fetc%2fpasswd')).toEqual({ status: 403 });
    expect(fileOf('app://notebook/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toEqual({ status: 403 });
    expect(fileOf('app://notebook/assets/..%2F..%2F..%2Fsecret')).toEqual({ status: 403 });
    expect(fileOf('app://notebook/a%2f..')).toEqual({ status: 403 });
  });

  it('never serves an absolute path', () => {
    expect(fileOf('app://notebook//etc/passwd')).toEqual({ file: join(dir, 'etc', 'passwd') });
    expect(fileOf('app://notebook/%2Fetc%2Fpasswd')).toEqual({ file: join(dir, 'etc', 'passwd') });
    expect(fileOf('app://notebook/C:/Windows/win.ini')).toEqual({
      file: join(dir, 'C:', 'Windows', 'win.ini'),
    });
  });

  it('refuses backslashes and NUL bytes, encoded or not', () => {
    expect(fileOf('app://notebook/..%5c..%5csecret')).toEqual({ status: 403 });
    expect(fileOf('app://notebook/assets%5cindex.js')).toEqual({ status: 403 });
    expect(fileOf('app://notebook/index.html%00.png')).toEqual({ status: 403 });
  });

  it('answers 404 for other hosts, ports, credentials and schemes', () => {
    for (const url of [
      'app://evil/index.html',
      'app://notebook.evil/index.html',
      'app://notebookx/index.html',
      'app://notebook:8080/index.html',
      'app://user@notebook/index.html',
      'app:///index.html',
      'file:///srv/app/out/renderer/index.html',
      'http://notebook/index.html',
    ])
      expect(fileOf(url), url).toEqual({ status: 404 });
  });

  it('answers 400 for what is not a URL or not decodable', () => {
    expect(fileOf('not a url')).toEqual({ status: 400 });
    expect(fileOf('app://notebook/%E0%A4%A')).toEqual({ status: 400 });
  });

  it('accepts a renderer folder given with a trailing slash or relative parts', () => {
    expect(resolveAppRequest('app://notebook/x.js', `${dir}/../renderer/`)).toEqual({
      file: join(dir, 'x.js'),
    });
  });
});
