// The renderer's sandbox as a page sees it: only the contract's named calls, payloads validated,
// no Node, a CSP that blocks inline script (from the header and from the page's own meta); the
// browser host demands its secret and its origin and answers bad paths and bodies cleanly.
import type { NotebookBridge } from '../../electron/shared/contract';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from '../../electron/shared/security';
import { expect, test } from '../hosts/app-host';

declare global {
  interface Window {
    notebook?: NotebookBridge;
  }
}

test('the page sees only named contract calls, and bad payloads are refused as values', async ({
  host,
}) => {
  const { page } = host;
  const surface = await page.evaluate(() => ({
    keys: Object.keys(window.notebook ?? {}).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(surface.keys).toContain('createAnnotation');
  expect(surface.keys).not.toContain('invoke');
  expect(surface.keys).not.toContain('ipcRenderer');
  expect(surface.require).toBe('undefined');
  expect(surface.process).toBe('undefined');

  const refused = await page.evaluate(() =>
    window.notebook!.createAnnotation({
      articleId: '../x',
      start: -1,
      end: 2,
      tagNames: [],
      comment: '',
    }),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  const forged = await page.evaluate(() =>
    (window.notebook as unknown as Record<string, (x: unknown) => Promise<unknown>>).getArticle!({
      id: { $ne: 1 },
    }),
  );
  expect(forged).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  // The app still works after the refusals.
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
});

test('inline script is blocked by the Content-Security-Policy', async ({ host }) => {
  const { page } = host;
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
});

test('the page carries the shared policy in its own CSP meta, less frame-ancestors', async ({
  host,
}) => {
  const { page } = host;
  const metas = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('content')));
  expect(metas).toEqual([META_CONTENT_SECURITY_POLICY]);
  expect(metas[0]).not.toContain('frame-ancestors');
});

test('the meta alone blocks inline script when the page is served without the CSP header', async ({
  host,
}) => {
  test.skip(host.kind !== 'browser', 'browser host only: the header is stripped on the way in');
  const { page } = host;
  // The page itself only (its module script and styles are files, allowed either way); the
  // secret stays in this tab's session storage across the reload.
  const pageUrl = new URL('/', page.url()).href;
  let stripped = false;
  await page.route(pageUrl, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    stripped = delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  await page.reload();
  await page.getByRole('article').waitFor();
  expect(stripped).toBe(true);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
});

test('the browser host refuses calls without its secret or from another origin', async ({
  host,
  request,
}) => {
  test.skip(host.kind !== 'browser', 'browser host only');
  const origin = new URL(host.page.url()).origin;
  const response = await host.page.request.get(`${origin}/`);
  expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

  const noSecret = await request.post(`${origin}/__api/listArticles`, { data: {} });
  expect(noSecret.status()).toBe(403);
  const wrongSecret = await request.post(`${origin}/__api/listArticles`, {
    data: {},
    headers: { 'x-notebook-secret': 'guess' },
  });
  expect(wrongSecret.status()).toBe(403);
  const otherOrigin = await request.post(`${origin}/__api/listArticles`, {
    data: {},
    headers: { origin: 'http://evil.example' },
  });
  expect(otherOrigin.status()).toBe(403);
  const traversal = await request.get(`${origin}/..%2f..%2fpackage.json`);
  expect([403, 404]).toContain(traversal.status());
});

test('the browser host answers malformed escapes with 400, not 500', async ({ host, request }) => {
  test.skip(host.kind !== 'browser', 'browser host only');
  const origin = new URL(host.page.url()).origin;
  for (const path of ['/%E0%A4%A', '/%', '/assets/%zz.js', '/%C0%AF', '/index.html%']) {
    const response = await request.get(`${origin}${path}`);
    expect(response.status(), path).toBe(400);
    expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  }
  // And the app still loads.
  expect((await request.get(`${origin}/`)).status()).toBe(200);
});

test('Electron denies navigation and new windows', async ({ host }) => {
  test.skip(host.kind !== 'electron', 'Electron only: a browser tab can always navigate');
  const { page } = host;
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  const opened = await page.evaluate(() => window.open('https://example.org/') !== null);
  expect(opened).toBe(false);
});
