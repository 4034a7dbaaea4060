// A stand-in for Electron's unpacked Linux download, for electron-builder's `electronDist`: the
// real zip can't be fetched on these machines. electron-builder copies the folder and renames
// `electron` to the app's executable, then flips the fuses in it with @electron/fuses, which
// finds the fuse wire after its sentinel. So the stand-in carries a wire as Electron ships it,
// and what electron-builder wrote into it can be read back.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** @electron/fuses' marker before the wire (its constants.ts); the same in every Electron. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const WIRE_VERSION = 1;

/**
 * Electron's defaults, in wire order (RunAsNode, EnableCookieEncryption,
 * EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
 * LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges): each fuse the app
 * configures starts at the opposite of what the app wants, so a fuse left alone shows.
 */
export const SHIPPED_WIRE = '10110001';

export async function makeStandInElectron(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for Electron: packaging tests only" >&2\nexit 1\n'),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([WIRE_VERSION, SHIPPED_WIRE.length]),
    Buffer.from(SHIPPED_WIRE, 'latin1'),
    Buffer.from('\n'),
  ]);
  const path = join(dir, 'electron');
  await writeFile(path, binary);
  await chmod(path, 0o755);
  return dir;
}
