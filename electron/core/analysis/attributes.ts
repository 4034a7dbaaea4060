// Articles' attributes as the analysis reads them: one name per attribute however its articles
// spell it (case, spacing), the values each takes in a sensible order ("2" before "10"), and
// which value an article has (none: "").
import { attributeKeyOf, type ArticleAttributes } from '../../shared/model';
import { compareNatural } from '../collation';

/** Values in reading order, each once; equal by the collator's lights, then by code units. */
export const sortValues = (values: Iterable<string>): string[] =>
  [...new Set(values)].sort((a, b) => compareNatural(a, b) || (a < b ? -1 : a > b ? 1 : 0));

export interface AttributeSummary {
  /** As most articles spell it (ties: the first in sorted order). */
  key: string;
  /** The values articles give it, sorted; an empty value is no value and is not listed. */
  values: string[];
}

/** Every attribute the articles carry, by name. */
export function attributeSummary(
  articles: Iterable<{ attributes: ArticleAttributes }>,
): AttributeSummary[] {
  const byKey = new Map<string, { spellings: Map<string, number>; values: string[] }>();
  for (const { attributes } of articles) {
    for (const [name, value] of Object.entries(attributes)) {
      const id = attributeKeyOf(name);
      let entry = byKey.get(id);
      if (!entry) byKey.set(id, (entry = { spellings: new Map(), values: [] }));
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
      if (value !== '') entry.values.push(value);
    }
  }
  const summary = [...byKey.values()].map(({ spellings, values }) => {
    const most = Math.max(...spellings.values());
    const key = sortValues([...spellings].filter(([, n]) => n === most).map(([s]) => s))[0]!;
    return { key, values: sortValues(values) };
  });
  const keys = sortValues(summary.map((s) => s.key));
  return summary.sort((a, b) => keys.indexOf(a.key) - keys.indexOf(b.key));
}

/** The article's value for the attribute named `key` (any spelling), "" when it has none. */
export function valueOf(attributes: ArticleAttributes, key: string): string {
  const id = attributeKeyOf(key);
  for (const [name, value] of Object.entries(attributes)) {
    if (attributeKeyOf(name) === id) return value;
  }
  return '';
}
