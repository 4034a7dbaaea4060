// Reports of the coded material as HTML, PDF or Word (see the contract's exportReport).
import type { Handlers } from '../../shared/contract';
import type { ServiceContext } from './context';

export function reportHandlers(_ctx: ServiceContext): Pick<Handlers, 'exportReport'> {
  return {
    exportReport: () => Promise.reject(new Error('Reports are not built yet.')),
  };
}
