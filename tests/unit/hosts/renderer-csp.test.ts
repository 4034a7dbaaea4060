// The built page carries the shared Content-Security-Policy in its own meta, so it holds
// whichever host serves it: a real (in-memory) `vite build` of the renderer, read with jsdom.
import { JSDOM } from 'jsdom';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  HEADER_ONLY_DIRECTIVES,
  META_CONTENT_SECURITY_POLICY,
} from '../../../electron/shared/security';
import { contentSecurityPolicyMeta } from '../../../vite.config';

const directives = (policy: string) => policy.split(';').map((d) => d.trim());

let outDir: string;
let page: Document;
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'notebook-renderer-'));
  const output = (await build({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    build: { write: false, outDir, emptyOutDir: false },
  })) as Rollup.RollupOutput;
  const html = output.output.find((file) => file.fileName === 'index.html');
  if (html?.type !== 'asset') throw new Error('the build has no index.html');
  page = new JSDOM(String(html.source)).window.document;
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('the built index.html', () => {
  it('has one CSP meta, the shared policy less what a meta cannot carry', () => {
    const metas = page.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]');
    expect(metas).toHaveLength(1);
    const policy = metas[0]!.getAttribute('content')!;
    expect(policy).toBe(META_CONTENT_SECURITY_POLICY);
    const expected = directives(CONTENT_SECURITY_POLICY).filter(
      (d) => !d.startsWith('frame-ancestors '),
    );
    expect(directives(policy)).toEqual(expected);
    for (const name of HEADER_ONLY_DIRECTIVES)
      expect(directives(policy).some((d) => d.split(' ')[0] === name)).toBe(false);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'none'");
  });

  it('puts the meta before every script, style and link, so it governs them all', () => {
    const head = [...page.head.children];
    const meta = head.findIndex(
      (el) => el.getAttribute('http-equiv') === 'Content-Security-Policy',
    );
    const first = head.findIndex((el) => ['SCRIPT', 'STYLE', 'LINK'].includes(el.tagName));
    expect(meta).toBeGreaterThanOrEqual(0);
    expect(first).toBeGreaterThan(meta);
    expect(page.querySelectorAll('script:not([src]), style')).toHaveLength(0);
  });
});

describe('contentSecurityPolicyMeta', () => {
  const transform = (html: string, server?: object) => {
    const hook = contentSecurityPolicyMeta().transformIndexHtml as {
      handler: (html: string, ctx: { server?: object }) => string;
    };
    return hook.handler(html, { server });
  };
  const slot = '<meta http-equiv="Content-Security-Policy" content="%CONTENT_SECURITY_POLICY%" />';

  it('fails the build when the page has no slot for the policy, or two', () => {
    expect(() => transform('<head></head>')).toThrow(/Content-Security-Policy/);
    expect(() => transform(`<head>${slot}${slot}</head>`)).toThrow(/found 2/);
  });

  it('leaves the meta out of the dev server, whose styles are inline', () => {
    expect(transform(`<head>${slot}</head>`, {})).toBe('<head></head>');
  });
});
