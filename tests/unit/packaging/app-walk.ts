// Follows every import and require() of the packaged app from its entry points, with Node's own
// resolution (esbuild's resolver: package.json "exports" and conditions, "main", index files,
// nested node_modules), over the files extracted from app.asar and nothing else. A module the
// app needs that isn't in the package fails here as it would when the installed app loads it.
import { build, type Metafile } from 'esbuild';

export interface Walk {
  /** Every file reached, relative to the extracted app. */
  reached: string[];
  /** What could not be resolved (or was resolved outside the app), one line each. */
  problems: string[];
}

export async function walkApp(appDir: string, entries: string[]): Promise<Walk> {
  let metafile: Metafile | undefined;
  const problems: string[] = [];
  try {
    ({ metafile } = await build({
      absWorkingDir: appDir,
      entryPoints: entries,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      write: false,
      outdir: 'walk-output',
      metafile: true,
      // Provided by the Electron runtime itself.
      external: ['electron'],
      // Native addons and wasm are loaded by their packages from disk: only their presence counts.
      loader: { '.node': 'empty', '.wasm': 'empty' },
      logLevel: 'silent',
    }));
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string } | null }[] })
      .errors;
    if (!errors) throw error;
    for (const e of errors) problems.push(`${e.location?.file ?? '?'}: ${e.text}`);
  }
  const reached = Object.keys(metafile?.inputs ?? {});
  // A resolution that left the extracted app found a module on this machine, not in the package.
  for (const file of reached) if (file.startsWith('..')) problems.push(`outside the app: ${file}`);
  return { reached, problems };
}
