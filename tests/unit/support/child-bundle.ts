// Bundles a TypeScript entry for a child process (Node can't run the sources as they are), under
// out/ so the bundle resolves this repository's node_modules. Tests that need real processes
// (racing starters, a host killed with SIGKILL) spawn the result.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

export async function bundleForChild(entry: string, name: string): Promise<string> {
  const outdir = join(process.cwd(), 'out', 'test-children');
  await mkdir(outdir, { recursive: true });
  const outfile = join(outdir, `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** A child's output as it comes, and a wait for a line matching a pattern. */
export interface Child {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

export function spawnChild(script: string, args: string[]): Child {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());
  child.stdout.on('data', (chunk: Buffer) => ((out += chunk.toString()), wake()));
  child.stderr.on('data', (chunk: Buffer) => ((err += chunk.toString()), wake()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => (resolve(code), wake())),
  );
  let done = false;
  void exited.then(() => (done = true));
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(out);
          if (match) return finish(() => resolve(match));
          if (done) finish(() => reject(new Error(`exited before ${pattern}:\n${out}\n${err}`)));
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`no ${pattern} in time:\n${out}\n${err}`))),
          timeoutMs,
        );
        const finish = (then: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          then();
        };
        waiters.add(check);
        check();
      });
    },
  };
}
