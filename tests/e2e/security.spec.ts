// The renderer's sandbox as a page sees it: only the contract's named calls, payloads validated,
// no Node, a CSP that blocks inline script; the browser host demands its secret and its origin.
import type { NotebookBridge } from '../../electron/shared/contract';
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

test('the browser host refuses calls without its secret or from another origin', async ({
  host,
  request,
}) => {
  test.skip(host.kind !== 'browser', 'browser host only');
  const origin = new URL(host.page.url()).origin;
  const response = await host.page.request.get(`${origin}/`);
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");

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
