// The words for the core's notices (electron/shared/notices.ts): one sentence or two per code,
// times in the analyst's own time zone. `now` is passed in so tests can pin "today".
import type { Notice, NoticeParams } from '../../../electron/shared/contract';
import { recordCounts } from './conflicted-copies';
import { agree, count, fileSize, list } from './words';

type Params<C extends Notice['code']> = NoticeParams[C];
type Problem = Params<'notebook-restored'>['problem'];

const two = (n: number) => String(n).padStart(2, '0');

/** "10:42" today, "2024-05-01 10:42" on another day (local time, to the minute). */
export function when(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`;
  const sameDay =
    d.getFullYear() === now.getFullYear() &&
    d.getMonth() === now.getMonth() &&
    d.getDate() === now.getDate();
  return sameDay ? time : `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${time}`;
}

const quoted = (titles: string[]) => list(titles.map((t) => `“${t}”`));

const PROBLEM: Record<Problem, string> = {
  missing: 'Your notebook file was missing',
  damaged: 'Your notebook file could not be read',
  older:
    'Your notebook file was an older copy than the changes saved beside it (a sync or backup tool may have put it back)',
  ahead: 'Your notebook file did not hold changes it said it held',
  empty: 'Your notebook file was empty although its backups were not',
};

/** "One saved change", "3 saved changes". */
const savedChanges = (n: number) => (n === 1 ? 'One saved change' : `${n} saved changes`);

/** " from 10:42", " made between 10:40 and 10:45", or nothing when no time is known. */
function timeOf(p: { at?: string; after?: string; before?: string }, now: Date): string {
  if (p.at) return ` from ${when(p.at, now)}`;
  if (p.after && p.before) return ` made between ${when(p.after, now)} and ${when(p.before, now)}`;
  if (p.after) return ` made after ${when(p.after, now)}`;
  if (p.before) return ` made before ${when(p.before, now)}`;
  return '';
}

const alsoKept = (names: string[]) =>
  names.length === 0
    ? ''
    : ` ${names.length === 1 ? 'Another copy' : 'Other copies'} that could not be used ${agree(names.length, 'was')} kept too, as ${list(names)}.`;

function restored(p: Params<'notebook-restored'>, now: Date): string {
  if (p.source === 'notebook') {
    return (
      `${PROBLEM[p.problem]}, and no backup agreed with the journal beside it, so the notebook was rebuilt from that file and the ${count(p.replayed, 'change')} in the journal.` +
      (p.keptAs ? ` A copy of the file as it was is kept as ${p.keptAs}.` : '') +
      alsoKept(p.alsoKept)
    );
  }
  const from = `the ${p.source === 'backup' ? 'backup' : 'restore point'} from ${when(p.savedAt, now)}`;
  const aside = p.keptAs ? `it was set aside as ${p.keptAs} and ` : '';
  const replayed =
    p.replayed > 0 ? `, with the ${count(p.replayed, 'change')} saved after it,` : '';
  return (
    `${PROBLEM[p.problem]}; ${aside}${from}${replayed} was restored.` +
    (p.complete ? ' Nothing you saved was lost.' : '') +
    alsoKept(p.alsoKept)
  );
}

function rebuilt(p: Params<'notebook-rebuilt'>, now: Date): string {
  const what =
    p.replayed > 0
      ? `the notebook was rebuilt from the ${count(p.replayed, 'change')} saved${p.since ? ` since ${when(p.since, now)}` : ''} in its journal`
      : 'an empty notebook was started';
  const kept = p.keptAs
    ? ` The ${p.problem === 'damaged' ? 'damaged ' : ''}file was kept as ${p.keptAs}.`
    : '';
  return `${PROBLEM[p.problem]} and there was no usable backup, so ${what}.${kept}${alsoKept(p.alsoKept)}`;
}

function unreadable(p: Params<'changes-unreadable'>, now: Date): string {
  const lines = `${p.lines.length === 1 ? 'line' : 'lines'} ${list(p.lines.map(String))} of ${p.journal}`;
  const held = [
    ...(p.annotations > 0 ? [count(p.annotations, 'annotation')] : []),
    ...(p.tags > 0 ? [count(p.tags, 'tag')] : []),
  ];
  const inArticles = p.articleTitles.length ? ` in ${quoted(p.articleTitles)}` : '';
  const what =
    held.length || inArticles
      ? ` ${p.changes === 1 ? 'It' : 'They'} held ${held.length ? list(held) : 'changes'}${inArticles}.`
      : '';
  return `${savedChanges(p.changes)}${timeOf(p, now)} could not be read back (${lines} ${agree(p.lines.length, 'is')} damaged).${what} Everything saved after ${p.changes === 1 ? 'it' : 'them'} was recovered${p.keptAs ? `; a copy of the journal is kept as ${p.keptAs}` : ''}.`;
}

function texts(p: Params<'texts-unreadable'>): string {
  const [only] = p.texts;
  if (p.texts.length === 1 && only) {
    const state = only.problem === 'missing' ? 'is missing from the notebook folder' : 'is damaged';
    return `The text of revision ${only.revision} of “${only.title}” ${state}. To repair it, import the original file again; every other article is unaffected.`;
  }
  const each = p.texts.map((t) => `“${t.title}” (revision ${t.revision}, ${t.problem})`);
  return `The texts of ${p.texts.length} article revisions are missing or damaged: ${list(each)}. To repair one, import its original file again; every other article is unaffected.`;
}

function conflictedCopy(p: Params<'conflicted-copy'>, now: Date): string {
  const what = `A sync tool left a conflicted copy beside your notebook: “${p.name}” (${fileSize(p.size)}, changed ${when(p.modified, now)})`;
  if (p.problem) return `${what}. It can’t be brought in: ${p.problem}`;
  const held = recordCounts(p.missing);
  return held
    ? `${what} holds ${held} that this notebook lacks; you can bring them in.`
    : `${what} holds nothing that this notebook lacks.`;
}

const NOT_SAVED: Record<Params<'recovery-not-saved'>['problem'], string> = {
  'disk-full': 'the disk is full',
  'read-only': 'the disk can only be read',
  permission: 'Research Notebook is not allowed to write in its folder',
  'disk-error': 'the disk reported an error',
  other: 'something went wrong (details are in the log)',
};

function settingsReset(p: Params<'settings-reset'>): string {
  const why = {
    damaged: 'was damaged',
    newer: 'was saved by a newer version of Research Notebook',
    unreadable: 'could not be read',
  }[p.problem];
  const kept = p.keptAs ? ` (the file is kept as ${p.keptAs})` : '';
  return `The app’s settings file ${why}, so the default settings are in use${kept}; your notebook is unaffected. Choose your settings again in Settings.`;
}

/** The notice as the analyst reads it. */
export function noticeText(notice: Notice, now = new Date()): string {
  switch (notice.code) {
    case 'notebook-restored':
      return restored(notice.params, now);
    case 'notebook-rebuilt':
      return rebuilt(notice.params, now);
    case 'notebook-upgraded':
      return `Your notebook was upgraded from an older format; a copy of it as it was is kept as ${notice.params.keptAs}.`;
    case 'changes-unreadable':
      return unreadable(notice.params, now);
    case 'changes-missing': {
      const n = notice.params.count;
      return `${savedChanges(n)}${timeOf(notice.params, now)} ${agree(n, 'is')} missing from the journal (a journal file may have been removed or replaced) and could not be recovered.`;
    }
    case 'annotations-recovered': {
      const n = notice.params.count;
      return `${count(n, 'annotation')} ${agree(n, 'was')} on articles that could not be recovered; ${n === 1 ? 'it is' : 'they are'} gathered, with ${n === 1 ? 'its' : 'their'} tags and comments, in the article “${notice.params.title}”.`;
    }
    case 'annotations-unplaced': {
      const n = notice.params.count;
      return `${count(n, 'annotation')} on ${quoted(notice.params.articleTitles)} ${agree(n, 'was')} made on a revision that could not be recovered; ${n === 1 ? 'it waits' : 'they wait'} in the review list to be placed again.`;
    }
    case 'texts-unreadable':
      return texts(notice.params);
    case 'recovery-not-saved':
      return `The notebook was recovered, but the recovery could not be saved: ${NOT_SAVED[notice.params.problem]}. It is done again the next time the notebook opens; until the disk is fixed, changes may not save either.`;
    case 'conflicted-copy':
      return conflictedCopy(notice.params, now);
    case 'conflicted-copies-unchecked':
      return `Research Notebook could not look for conflicted copies: ${notice.params.reason}`;
    case 'sample-not-added':
      return `The sample article could not be added: ${notice.params.reason}`;
    case 'newer-version':
      return notice.params.format === undefined
        ? 'This notebook was saved by a newer version of Research Notebook; update the app to open it.'
        : `This notebook was saved by a newer version of Research Notebook (format ${notice.params.format}); update the app to open it.`;
    case 'settings-reset':
      return settingsReset(notice.params);
  }
}
