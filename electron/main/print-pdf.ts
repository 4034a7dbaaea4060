// Prints a report's HTML to PDF for the core (NotebookOptions.printToPdf): a hidden, sandboxed
// window with JavaScript off, in a session of its own that loads nothing but the report file,
// then webContents.printToPDF. The HTML goes through a temporary file rather than a data: URL,
// which Chromium caps at 2 MB (a long report is more).
import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Its own in-memory session: the app's session (app://, its CSP headers) stays out of it. */
const PARTITION = 'report-print';

/** The report files being printed now: the only URLs the session loads. */
const printing = new Set<string>();

let configured: Electron.Session | undefined;

function printingSession(): Electron.Session {
  if (configured) return configured;
  const printSession = session.fromPartition(PARTITION);
  // The report is self-contained; anything else it asked for is refused.
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !printing.has(details.url) }),
  );
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.setPermissionCheckHandler(() => false);
  configured = printSession;
  return printSession;
}

export async function printToPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'notebook-report-'));
  const file = join(dir, 'report.html');
  const fileUrl = pathToFileURL(file).href;
  const printSession = printingSession();
  printing.add(fileUrl);
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession,
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: false,
    },
  });
  const { webContents } = window;
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  webContents.on('will-navigate', (event) => event.preventDefault());
  try {
    await writeFile(file, html, 'utf8');
    await window.loadURL(fileUrl);
    const pdf = await webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    return new Uint8Array(pdf);
  } finally {
    printing.delete(fileUrl);
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
