// An export's file as the text a reader of it sees: its bytes decoded as UTF-8, strictly (an
// export that is not valid UTF-8 fails the test that reads it).
import type { ExportFile } from '../../../electron/shared/model';

export const exportedText = (file: ExportFile): string =>
  new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file.bytes);
