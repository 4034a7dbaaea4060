import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFrom } from '../../../electron/main/data-dir';

const userData = '/home/a/.config/Research Notebook';
const fallback = join(userData, 'notebook');
const from = (argv: string[], env: Record<string, string | undefined> = {}) =>
  dataDirFrom({ argv: ['electron', '.', ...argv], env, userData });

describe('dataDirFrom', () => {
  it('defaults to a notebook folder under userData', () => {
    expect(from([])).toBe(fallback);
  });

  it('takes --data-dir DIR and --data-dir=DIR', () => {
    expect(from(['--data-dir', '/tmp/nb'])).toBe('/tmp/nb');
    expect(from(['--data-dir=/tmp/nb'])).toBe('/tmp/nb');
    expect(from(['--data-dir=/tmp/a=b'])).toBe('/tmp/a=b');
    expect(from(['--other', '--data-dir', 'rel/dir', 'extra'])).toBe('rel/dir');
  });

  it('uses the first flag when there are several', () => {
    expect(from(['--data-dir=/first', '--data-dir', '/second'])).toBe('/first');
  });

  it('prefers the flag over NOTEBOOK_DATA_DIR, and that over the default', () => {
    expect(from(['--data-dir', '/flag'], { NOTEBOOK_DATA_DIR: '/env' })).toBe('/flag');
    expect(from([], { NOTEBOOK_DATA_DIR: '/env' })).toBe('/env');
  });

  it('treats an empty or missing value as not given', () => {
    expect(from(['--data-dir='], { NOTEBOOK_DATA_DIR: '/env' })).toBe('/env');
    expect(from(['--data-dir', ''])).toBe(fallback);
    expect(from(['--data-dir'])).toBe(fallback);
    expect(from([], { NOTEBOOK_DATA_DIR: '' })).toBe(fallback);
  });

  it('does not take the next flag for the value', () => {
    expect(from(['--data-dir', '--inspect'], { NOTEBOOK_DATA_DIR: '/env' })).toBe('/env');
  });

  it('ignores lookalike flags', () => {
    expect(from(['--data-directory=/x', '-data-dir=/y', '--data-dirx', '/z'])).toBe(fallback);
  });
});
