// REFI-QDA in: a .qdpx project or a .qdc codebook read off the main loop, previewed, then brought
// into the notebook as one change (see the contract's previewProject and importProject).
import type { Handlers } from '../../shared/contract';
import type { ServiceContext } from './context';

export function projectImportHandlers(
  _ctx: ServiceContext,
): Pick<Handlers, 'previewProject' | 'importProject'> {
  const notYet = () => Promise.reject(new Error('REFI-QDA import is not built yet.'));
  return { previewProject: notYet, importProject: notYet };
}
