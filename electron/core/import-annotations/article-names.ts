// Which article a spreadsheet's row means: its id, else its exact title, else its title ignoring
// case and spacing. A title two articles share names neither: the row says which by id.

export type ArticleMatch = { id: string } | 'unknown' | 'ambiguous';

/**
 * Case folded as a spreadsheet user types it: Azerbaijani and Turkish write "BAKI" for "Bakı" and
 * "İSTANBUL" for "İstanbul", which the default lower-casing reads as other letters (i, i̇).
 */
const folded = (title: string) =>
  title
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/i\u0307/g, 'i')
    .replace(/ı/g, 'i');

export function articleNamer(
  articles: Iterable<{ id: string; title: string }>,
): (name: string) => ArticleMatch {
  const ids = new Set<string>();
  const exact = new Map<string, string[]>();
  const loose = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const { id, title } of articles) {
    ids.add(id);
    add(exact, title.normalize('NFC'), id);
    add(loose, folded(title), id);
  }
  return (name) => {
    if (ids.has(name)) return { id: name };
    for (const found of [exact.get(name), loose.get(folded(name))]) {
      if (found?.length === 1) return { id: found[0]! };
      if (found && found.length > 1) return 'ambiguous';
    }
    return 'unknown';
  };
}

/**
 * The article a W3C target's source names: ours by its URN (our export's source for an article
 * without a web address), another tool's by the web address exactly one article has.
 */
export function articleBySource(
  articles: Iterable<{ id: string; url: string; source: string }>,
): (source: string | undefined) => string | undefined {
  const ids = new Set<string>();
  const byAddress = new Map<string, string[]>();
  for (const { id, url, source } of articles) {
    ids.add(id);
    for (const address of new Set([url.trim(), source.trim()])) {
      if (address === '') continue;
      byAddress.set(address, [...(byAddress.get(address) ?? []), id]);
    }
  }
  return (source) => {
    if (source === undefined) return undefined;
    const ours = /^urn:notebook:article:(.+)$/.exec(source)?.[1];
    if (ours !== undefined) return ids.has(ours) ? ours : undefined;
    const found = byAddress.get(source.trim());
    return found?.length === 1 ? found[0] : undefined;
  };
}
