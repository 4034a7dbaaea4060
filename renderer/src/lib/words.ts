// Words for counts and lists, so every message says "1 annotation" and "2 annotations".

const IRREGULAR: Record<string, string> = { has: 'have', is: 'are', was: 'were', this: 'these' };

// One formatter for every count the window shows: Number#toLocaleString makes a new one on each
// call, which a heat map or a chart of thousands of numbers paid for in tens of milliseconds.
const COUNT_FORMAT = new Intl.NumberFormat();

/** A count with the analyst's digit grouping ("12,345"), as toLocaleString() writes it. */
export const formatCount = (n: number) => COUNT_FORMAT.format(n);

/** "1 annotation", "0 annotations", "12 tags". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}

/** The verb (or demonstrative) that agrees with n: agree(1, 'has') → 'has', agree(2, 'has') → 'have'. */
export const agree = (n: number, singular: string) =>
  n === 1 ? singular : (IRREGULAR[singular] ?? singular);

/** "a", "a and b", "a, b and c". */
export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * People's names in a row: "A and B", but "Petrov, Ivan; Anna Ivanova" when a name holds a
 * comma (as "Surname, Given" does), so four names never read as two.
 */
export function names(items: string[]): string {
  return items.some((name) => name.includes(',')) ? items.join('; ') : list(items);
}

/** "512 bytes", "14 KB", "3.2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
