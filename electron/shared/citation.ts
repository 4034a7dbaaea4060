// The citation fields' own rules, shared by the call schemas (what the analyst types), the
// importers (what a file says) and the exports (what a reference manager reads).
import { LIMITS } from './model';

// A DOI is "10." + registrant + "/" + suffix; the suffix may hold nearly anything but spaces.
const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/i;

/**
 * The first DOI in a text, as stored: bare and lower-case (DOIs are case-insensitive), without
 * "doi:" or a resolver ("https://doi.org/"), percent-escapes decoded. Undefined when the text
 * holds none, or one longer than the model keeps. The one reading of a DOI for the call schemas
 * and every importer.
 */
export function bareDoi(raw: string): string | undefined {
  const found = DOI.exec(raw)?.[1];
  if (found === undefined) return undefined;
  // Sentence punctuation and quotes after a DOI are not part of it; a closing bracket is only
  // when the DOI opened one ("10.1002/(SICI)1097-4571(1998)…" keeps its own).
  let doi = found.replace(/[.,;:'’”]+$/, '');
  if (doi.endsWith(')') && !doi.includes('(')) doi = doi.slice(0, -1);
  try {
    doi = decodeURIComponent(doi);
  } catch {
    // Not percent-encoded after all: keep it as written.
  }
  return doi.length <= LIMITS.doi ? doi.toLowerCase() : undefined;
}

/** An http(s) address as stored, or undefined for anything else (javascript:, file:, junk). */
export function webAddress(raw: string): string | undefined {
  const text = raw.trim();
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}
