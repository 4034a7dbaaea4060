// REFI-QDA (QDA-XML 1.0) out: the project as a .qdpx zip and the codebook as a .qdc file. What
// the formats can't hold is said before exporting (electron/shared/interchange.ts).
import { conflict } from '../errors';
import type { ExportRequest } from '../export/types';
import { renderCodebook } from './codebook';
import { buildProject } from './project';
import { zipProject } from './zip';

export { GUID_PATTERN, guids } from './guid';
export { parseCodeDescription } from './code-description';
export { parseSourceDescription } from './source-details';
export { placement } from './sources';

export function renderQdpx(request: ExportRequest): Uint8Array {
  const { qde, files } = buildProject(request);
  return zipProject(qde, files, request.exportedAt);
}

export function renderQdc(request: ExportRequest): string {
  const tags = request.codebook?.tags ?? request.tags;
  if (tags.length === 0) {
    throw conflict(
      'The codebook is empty: a REFI-QDA codebook (.qdc) needs at least one tag. Add a tag first.',
    );
  }
  return renderCodebook(tags);
}
