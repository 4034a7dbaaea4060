// Help › About's words: name and version, the licence package.json declares, what the app runs
// on, and where the notebook is; and what Reveal data folder says when the folder won't open.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { aboutWords, LICENSE, revealFailureWords } from '../../../electron/main/about';

describe('aboutWords', () => {
  it('names the app, its version, its licence and what it runs on', () => {
    const words = aboutWords({
      appName: 'Research Notebook',
      version: '0.1.0',
      versions: { electron: '45.5.0', chrome: '142.0.1', node: '22.20.0' },
      dataFolder: '/home/analyst/Məqalələr ə ş/notebook',
    });
    expect(words).toMatchObject({
      type: 'info',
      title: 'About Research Notebook',
      message: 'Research Notebook 0.1.0',
      buttons: ['OK'],
    });
    expect(words.detail).toBe(
      [
        'Released under the MIT licence.',
        'Runs on Electron 45.5.0, Chromium 142.0.1, Node.js 22.20.0.',
        'Notebook folder: /home/analyst/Məqalələr ə ş/notebook',
      ].join('\n\n'),
    );
  });

  it('leaves out what it doesn’t know', () => {
    const words = aboutWords({ appName: 'Research Notebook', version: '1.2.3', versions: {} });
    expect(words.detail).toBe('Released under the MIT licence.');
  });

  it('states the licence package.json declares', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { license: string };
    expect(LICENSE).toBe(pkg.license);
  });
});

describe('revealFailureWords', () => {
  it('says the folder could not be opened, why, and where it is', () => {
    expect(revealFailureWords('/data/nb', 'No application knows how to open it')).toMatchObject({
      type: 'error',
      message: 'The notebook folder could not be opened.',
      detail: 'No application knows how to open it\n\nNotebook folder: /data/nb',
    });
  });
});
