// `npm start`: launches the built app in Electron. Electron 42+ fetches its binary on first
// launch; where that download can't happen, say so in one line and point to the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

// ELECTRON_OVERRIDE_DIST_PATH: an Electron unpacked elsewhere, which the electron package runs.
if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !existsSync(join(electronDir, 'dist'))) {
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  if (install.status !== 0 || !existsSync(join(electronDir, 'dist'))) {
    console.error(
      'Electron could not be downloaded on this machine, so the desktop app cannot start here; use the browser host instead: npm run browser',
    );
    process.exit(1);
  }
}

const electronPath = require('electron');
const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 1));
