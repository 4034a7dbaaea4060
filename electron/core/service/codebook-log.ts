// The codebook's change log: one entry per operation, with who and when, written in the same
// commit as the operation itself (so the log can never tell of a change that didn't happen).
import type { CodebookEvent, CodebookOperation } from '../../shared/model';
import type { Change } from '../store';
import { currentAnalystId } from './analysts';
import { isoNow, type ServiceContext } from './context';

type EventDetails = Omit<CodebookEvent, 'id' | 'at' | 'by' | 'operation' | 'tagId' | 'path'>;

export function logged(
  ctx: ServiceContext,
  operation: CodebookOperation,
  tag: { id: string; path: string },
  details: EventDetails = {},
): Change {
  const by = currentAnalystId(ctx);
  const record: CodebookEvent = {
    id: ctx.newId(),
    at: isoNow(ctx),
    ...(by !== undefined && { by }),
    operation,
    tagId: tag.id,
    path: tag.path,
    ...details,
  };
  return { kind: 'put', collection: 'codebookLog', record };
}
