// The handlers of every contract call but the few the opening answers itself (notebook.ts), made
// for one opened folder. Loaded once the notebook is ready, not before: compiling and running
// this graph (importers' dispatch, anchoring, search, analysis, sync, merge: ~300 KB) was a
// quarter of every start-up, and the window takes longer to appear than it takes to load.
import type { Handlers } from '../../shared/contract';
import { adjudicationHandlers } from './adjudication';
import { agreementHandlers } from './agreement';
import { analysisHandlers } from './analysis';
import { analystHandlers } from './analysts';
import { annotationImportHandlers } from './annotation-import';
import { annotationHandlers } from './annotations';
import { articleHandlers } from './articles';
import type { ServiceContext } from './context';
import { exportHandlers } from './exports';
import { figureHandlers } from './figures';
import { mergeService } from './merge';
import { projectImportHandlers } from './project-import';
import { reportHandlers } from './reports';
import { revisionHandlers } from './revisions';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { syncHandlers } from './sync';
import { tagHandlers } from './tags';

export { seedSample } from './articles';

/** The calls notebook.ts answers itself: the opening's notices, conflicted copies, history. */
export type OwnCalls =
  'getStartup' | 'listConflictedCopies' | 'bringInConflictedCopy' | 'getHistory' | 'undo' | 'redo';

export interface Services {
  handlers: Omit<Handlers, OwnCalls>;
  merge: ReturnType<typeof mergeService>;
}

export function services(ctx: ServiceContext): Services {
  const merge = mergeService(ctx);
  return {
    handlers: {
      ...analystHandlers(ctx),
      ...articleHandlers(ctx),
      ...annotationHandlers(ctx),
      ...tagHandlers(ctx),
      ...revisionHandlers(ctx),
      ...exportHandlers(ctx),
      ...searchHandlers(ctx),
      ...analysisHandlers(ctx),
      ...agreementHandlers(ctx),
      ...adjudicationHandlers(ctx),
      ...figureHandlers(ctx),
      ...projectImportHandlers(ctx),
      ...annotationImportHandlers(ctx),
      ...reportHandlers(ctx),
      ...settingsHandlers(ctx),
      ...syncHandlers(ctx),
      ...merge.handlers,
    },
    merge,
  };
}
