// Builds the Svelte renderer into out/renderer, served by app:// in Electron and by the browser host.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './electron/shared/security';

const CSP_META =
  /<meta http-equiv="Content-Security-Policy" content="%CONTENT_SECURITY_POLICY%"\s*\/?>/g;

const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Fills index.html's CSP meta from the shared policy, so the built page carries the one policy
 * whoever serves it. A page without that one meta fails the build rather than ship without it.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'notebook-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html, { server }) {
        const found = html.match(CSP_META)?.length ?? 0;
        if (found !== 1)
          throw new Error(
            `index.html needs one <meta http-equiv="Content-Security-Policy" content="%CONTENT_SECURITY_POLICY%" /> (found ${found})`,
          );
        // The dev server styles components with inline <style> elements, which the policy
        // forbids: only built pages carry it.
        const meta = server
          ? ''
          : `<meta http-equiv="Content-Security-Policy" content="${attribute(META_CONTENT_SECURITY_POLICY)}" />`;
        return html.replace(CSP_META, meta);
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte(), contentSecurityPolicyMeta()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Inline assets would become data: URLs or inline styles; keep every asset a file for the CSP.
    assetsInlineLimit: 0,
  },
});
