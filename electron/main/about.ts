// Help › About (the app menu's About on macOS): the words of the native dialog with the version
// and the licence (native.ts shows it).

/** The licence package.json declares (a unit test keeps the two the same). */
export const LICENSE = 'MIT';

export interface AboutFacts {
  appName: string;
  version: string;
  /** process.versions: what the app runs on, for a bug report. */
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>;
  dataFolder?: string;
}

/** The About dialog's words. */
export function aboutWords(facts: AboutFacts) {
  const { electron, chrome, node } = facts.versions;
  const runtime = [
    electron && `Electron ${electron}`,
    chrome && `Chromium ${chrome}`,
    node && `Node.js ${node}`,
  ]
    .filter(Boolean)
    .join(', ');
  const detail = [
    `Released under the ${LICENSE} licence.`,
    ...(runtime ? [`Runs on ${runtime}.`] : []),
    ...(facts.dataFolder ? [`Notebook folder: ${facts.dataFolder}`] : []),
  ].join('\n\n');
  return {
    type: 'info' as const,
    title: `About ${facts.appName}`,
    message: `${facts.appName} ${facts.version}`,
    detail,
    buttons: ['OK'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** What Help › Reveal data folder says when the system can't open the folder. */
export function revealFailureWords(folder: string, failure: string) {
  return {
    type: 'error' as const,
    title: 'Reveal data folder',
    message: 'The notebook folder could not be opened.',
    detail: `${failure}\n\nNotebook folder: ${folder}`,
    buttons: ['OK'],
    noLink: true,
  };
}
