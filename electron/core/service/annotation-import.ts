// Annotations from other tools (W3C Web Annotation JSON, a CSV of passages) onto articles of the
// notebook, as one change (see the contract's importAnnotations).
import type { Handlers } from '../../shared/contract';
import type { ServiceContext } from './context';

export function annotationImportHandlers(
  _ctx: ServiceContext,
): Pick<Handlers, 'importAnnotations'> {
  return {
    importAnnotations: () => Promise.reject(new Error('Annotation import is not built yet.')),
  };
}
