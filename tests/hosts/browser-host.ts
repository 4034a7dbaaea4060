// Starts the browser host (the real core on loopback) for an e2e spec and opens the app in
// Playwright's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import type { AppHost } from './app-host';
import { answerFirstRun, type FirstRunOption } from './first-run';

const READY = /Notebook ready at (\S+)/;
/** The host started, but without a notebook (locked, newer version…): the test can't go on. */
const UNAVAILABLE = /Notebook could not be opened/;

export async function startBrowserHost(
  browser: Browser,
  dataDir: string,
  { firstRun = 'answer' }: FirstRunOption = {},
): Promise<AppHost> {
  const context = await browser.newContext({ acceptDownloads: true });
  let server = await spawnServer(dataDir);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('article').waitFor();
  if (firstRun === 'answer') await answerFirstRun(page);

  return {
    kind: 'browser',
    page,
    async restart(whileStopped) {
      await stopServer(server.child);
      await whileStopped?.();
      server = await spawnServer(dataDir);
      await page.goto(server.url);
      await page.getByRole('article').waitFor();
      if (firstRun === 'answer') await answerFirstRun(page);
    },
    async captureExport(trigger: (page: Page) => Promise<void>) {
      const [download] = await Promise.all([page.waitForEvent('download'), trigger(page)]);
      const path = await download.path();
      return { fileName: download.suggestedFilename(), content: await readFile(path, 'utf8') };
    },
    async close() {
      await context.close();
      await stopServer(server.child);
    },
  };
}

async function spawnServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['out/host/browser-host.js', '--data-dir', dataDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser host did not start:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (UNAVAILABLE.test(output)) {
        clearTimeout(timer);
        child.kill('SIGTERM');
        reject(new Error(`browser host could not open the notebook:\n${output}`));
        return;
      }
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { child, url };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
