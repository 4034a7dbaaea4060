// The citation fields' own rules, shared by the call schemas (what the analyst types), the
// importers (what a file says) and the exports (what a reference manager reads).

/**
 * A DOI as stored: bare and lower-case (DOIs are case-insensitive), without "doi:" or a resolver
 * ("https://doi.org/"). Undefined when the text holds no DOI.
 */
export function bareDoi(raw: string): string | undefined {
  const match = /\b(10\.\d{4,9}\/\S+)/i.exec(raw.trim());
  if (!match) return undefined;
  // A DOI quoted in prose ends before the sentence's punctuation.
  return match[1]!.replace(/[.,;:)\]}>"'’”]+$/, '').toLowerCase();
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
