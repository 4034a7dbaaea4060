// Builds the Svelte renderer into out/renderer, served by app:// in Electron and by the browser host.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Inline assets would become data: URLs or inline styles; keep every asset a file for the CSP.
    assetsInlineLimit: 0,
  },
});
