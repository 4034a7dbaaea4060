// Launching Debian's Chromium the way the e2e suite does, and reading the resident memory of its
// renderer processes from /proc (Linux only).
import { readdir, readFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../hosts/chromium';

/** How long the page may settle (after a forced garbage collection) before memory is read. */
const SETTLE_MS = 1000;

export const VIEWPORT = { width: 1400, height: 850 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  // Opening 10k annotations can be slow on a loaded 2-core machine; slow is a figure, not a failure.
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
  return page;
}

interface ProcInfo {
  pid: number;
  ppid: number;
  cmdline: string;
}

async function processes(): Promise<ProcInfo[]> {
  const out: ProcInfo[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: fields resume after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = (await readFile(`/proc/${name}/cmdline`, 'utf8')).replaceAll('\0', ' ');
      out.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // The process ended while we looked: not ours to measure any more.
    }
  }
  return out;
}

/** VmRSS of one process, in MB (0 if it has gone). */
async function rssMB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

/** The Chromium renderer processes below this Node process (the bench runs one browser at a time). */
async function rendererPids(): Promise<number[]> {
  const all = await processes();
  const children = new Map<number, ProcInfo[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const below: ProcInfo[] = [];
  const queue = [process.pid];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      below.push(child);
      queue.push(child.pid);
    }
  }
  return below.filter((p) => p.cmdline.includes('--type=renderer')).map((p) => p.pid);
}

interface TraceEvent {
  name: string;
  pid: number;
  args?: {
    name?: string;
    data?: { frames?: Array<{ processId: number; isOutermostMainFrame?: boolean }> };
  };
}

/**
 * The renderer process that runs `page`, from a short trace: the browser names the process of
 * every frame when tracing starts. Headless Chromium also keeps a UI renderer and a spare one.
 */
async function pageRendererPid(browser: Browser, page: Page): Promise<number> {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  await page.evaluate(() => document.title);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  for (const event of trace.traceEvents) {
    if (event.name !== 'TracingStartedInBrowser') continue;
    const main = event.args?.data?.frames?.find((f) => f.isOutermostMainFrame);
    if (main) return main.processId;
  }
  const thread = trace.traceEvents.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (!thread) throw new Error("could not find the page's renderer process in a trace");
  return thread.pid;
}

export interface RendererMemory {
  /** VmRSS of the page's renderer process. */
  mb: number;
  pid: number;
  /** VmRSS summed over every renderer of the browser (the page's, the UI's, the spare). */
  allRenderersMB: number;
  rendererCount: number;
}

/** Renderer memory once the page has settled: a full garbage collection, then a quiet second. */
export async function settledRendererMemory(browser: Browser, page: Page): Promise<RendererMemory> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  await page.waitForTimeout(SETTLE_MS);
  const pid = await pageRendererPid(browser, page);
  const pids = await rendererPids();
  if (!pids.includes(pid)) throw new Error(`renderer ${pid} is not one of this browser's`);
  const sizes = await Promise.all(pids.map(rssMB));
  return {
    mb: await rssMB(pid),
    pid,
    allRenderersMB: sizes.reduce((a, b) => a + b, 0),
    rendererCount: pids.length,
  };
}
