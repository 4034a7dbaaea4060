import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/security';
import {
  resolveAppRequest,
  resolveRendererPath,
  serveAppRequest,
} from '../../../electron/main/protocol-path';

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
    for (const path of [
      '%E0%A4%A',
      '%',
      'a%',
      'a%2',
      '%zz',
      'index.html%G0',
      // Bytes that are not UTF-8: a lone continuation, an overlong slash, a surrogate, 0xFF.
      '%80',
      '%C0%AF',
      '%ED%A0%80',
      '%FF',
      'assets/%E0%A4%A/x.js',
    ])
      expect(fileOf(`app://notebook/${path}`), path).toEqual({ status: 400 });
  });

  it('accepts a renderer folder given with a trailing slash or relative parts', () => {
    expect(resolveAppRequest('app://notebook/x.js', `${dir}/../renderer/`)).toEqual({
      file: join(dir, 'x.js'),
    });
  });
});

describe('resolveRendererPath', () => {
  it('is the same guard for any host: pathnames in, a file or a status out', () => {
    expect(resolveRendererPath('/', dir)).toEqual({ file: join(dir, 'index.html') });
    expect(resolveRendererPath('', dir)).toEqual({ file: join(dir, 'index.html') });
    expect(resolveRendererPath('/assets/a%20b.css', dir)).toEqual({
      file: join(dir, 'assets', 'a b.css'),
    });
    expect(resolveRendererPath('/..%2f..%2fpackage.json', dir)).toEqual({ status: 403 });
    expect(resolveRendererPath('/%E0%A4%A', dir)).toEqual({ status: 400 });
    expect(resolveRendererPath('/%', dir)).toEqual({ status: 400 });
    expect(resolveRendererPath('//etc/passwd', dir)).toEqual({ file: join(dir, 'etc', 'passwd') });
  });
});

describe('serveAppRequest', () => {
  const served: string[] = [];
  const fetchFile = async (fileUrl: string) => {
    served.push(fileUrl);
    if (fileUrl.endsWith('/missing.js')) throw new Error('net::ERR_FILE_NOT_FOUND');
    return new Response('body', { status: 200, headers: { 'content-type': 'text/javascript' } });
  };
  const serve = (url: string) => serveAppRequest(url, dir, fetchFile);
  const expectSecurityHeaders = (response: Response) => {
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  };

  it('serves the file with the CSP and nosniff added to its own headers', async () => {
    const response = await serve('app://notebook/assets/index.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('body');
    expect(response.headers.get('content-type')).toBe('text/javascript');
    expectSecurityHeaders(response);
    expect(served.at(-1)).toBe(pathToFileURL(join(dir, 'assets', 'index.js')).href);
  });

  it('answers a malformed escape with 400 and never reads a file', async () => {
    const before = served.length;
    for (const url of ['app://notebook/%E0%A4%A', 'app://notebook/%', 'app://notebook/%zz.js']) {
      const response = await serve(url);
      expect(response.status, url).toBe(400);
      expectSecurityHeaders(response);
    }
    expect(served.length).toBe(before);
  });

  it('answers 403, 404 for refused paths and other hosts, and 404 when the file is missing', async () => {
    expect((await serve('app://notebook/..%2f..%2fetc%2fpasswd')).status).toBe(403);
    expect((await serve('app://evil/index.html')).status).toBe(404);
    const missing = await serve('app://notebook/missing.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });
});
