// A tag's guidance in a QDA-XML code's one Description: the definition first, then "When to use:",
// "When not to use:" and "Example:" paragraphs, so every tool shows all of it as text and our
// importer can take the fields apart again.
import type { TagGuidanceFields } from '../../shared/model';

const LABELLED: ReadonlyArray<readonly [Exclude<keyof TagGuidanceFields, 'description'>, string]> =
  [
    ['whenToUse', 'When to use'],
    ['whenNotToUse', 'When not to use'],
    ['example', 'Example'],
  ];

const marker = (label: string) => `\n\n${label}: `;

/** The Description text of a tag; '' when the tag has no guidance at all. */
export function codeDescription(tag: TagGuidanceFields): string {
  const parts = tag.description.trim() ? [tag.description] : [];
  for (const [field, label] of LABELLED) {
    if (tag[field].trim()) parts.push(`${label}: ${tag[field]}`);
  }
  return parts.join('\n\n');
}

/**
 * The guidance fields back from a Description (ours, or any tool's: text without our labels is
 * all definition). The last marker of each label wins, in order, so a definition that quotes
 * "When to use:" mid-paragraph stays whole.
 */
export function parseCodeDescription(text: string): TagGuidanceFields {
  const fields: TagGuidanceFields = {
    description: '',
    whenToUse: '',
    whenNotToUse: '',
    example: '',
  };
  let rest = `\n\n${text}`;
  for (const [field, label] of [...LABELLED].reverse()) {
    const at = rest.lastIndexOf(marker(label));
    if (at < 0) continue;
    fields[field] = rest.slice(at + marker(label).length);
    rest = rest.slice(0, at);
  }
  fields.description = rest.slice(2);
  return fields;
}
