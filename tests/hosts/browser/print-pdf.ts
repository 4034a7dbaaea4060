// The browser host's PDF printer for reports: Debian's Chromium through playwright-core, started
// on the first report and kept for the next. The page runs no script and loads nothing: the
// report is self-contained, and anything it asked for would be refused here anyway.
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function chromiumPrinter(): PdfPrinter {
  let browser: Promise<Browser> | undefined;
  const launch = async () => {
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  };
  return {
    async print(html) {
      browser ??= launch();
      // A failed launch is tried again on the next report rather than kept.
      browser.catch(() => (browser = undefined));
      const context = await (await browser).newContext({ javaScriptEnabled: false });
      try {
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        });
        return new Uint8Array(pdf);
      } finally {
        await context.close();
      }
    },
    async close() {
      const open = browser;
      browser = undefined;
      await (await open?.catch(() => undefined))?.close();
    },
  };
}
