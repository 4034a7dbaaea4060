// YAML front matter for a note: every value a double-quoted scalar, so no title or source can be
// read as a number, a date, a list or the end of the block.

export type FrontMatterValue = string | readonly string[];

/**
 * YAML allows JSON strings as double-quoted scalars, so JSON.stringify does the escaping. JSON
 * leaves C1 controls raw, which YAML forbids in a stream, and NEL/LS/PS, which YAML 1.1 reads as
 * line breaks (folding them away); those are escaped too, as are noncharacters YAML can't carry.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Lists in block style, one item a line, as Obsidian writes its own properties. An empty value
 * (no authors, no date) leaves its key out rather than claim an empty one.
 */
export function frontMatter(fields: ReadonlyArray<readonly [string, FrontMatterValue]>): string {
  const lines: string[] = [];
  for (const [key, value] of fields) {
    if (typeof value === 'string') {
      if (value !== '') lines.push(`${key}: ${yamlString(value)}`);
    } else if (value.length > 0) {
      lines.push(`${key}:`, ...value.map((item) => `  - ${yamlString(item)}`));
    }
  }
  return ['---', ...lines, '---'].join('\n');
}
