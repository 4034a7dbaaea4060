// The codebook as QDA-XML codes: the tag tree nested as it is, each code with its colour and its
// guidance as the description. The same tree goes into a project (.qde) and a codebook (.qdc).
import type { Tag } from '../../shared/model';
import { TagTree } from '../../shared/tag-tree';
import { codeDescription } from './code-description';
import { guids } from './guid';
import { element, serializeXml, textElement, type XmlElement } from './xml';

export const ORIGIN = 'Research Notebook';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** The schema takes #rgb or #rrggbb; ours are #rrggbb, and anything else (damage) is left out. */
const colourOf = (tag: Tag) => (/^#[0-9a-fA-F]{6}$/.test(tag.color) ? tag.color : undefined);

/**
 * The top codes, each with its subtree. Siblings keep the order the tags come in (listTags: by
 * name), a tag whose parent is gone sits at the top, and a cycle (damage) is cut where it closes.
 */
export function codeElements(tags: readonly Tag[]): XmlElement[] {
  const tree = new TagTree(tags);
  const seen = new Set<string>();
  const code = (tag: Tag): XmlElement | undefined => {
    if (seen.has(tag.id)) return undefined;
    seen.add(tag.id);
    const description = codeDescription(tag);
    return element(
      'Code',
      { guid: guids.code(tag.id), name: tag.name, isCodable: true, color: colourOf(tag) },
      [
        description !== '' && textElement('Description', description),
        ...tree.children(tag.id).map(code),
      ],
    );
  };
  const top = tree.children(undefined).map(code);
  // Tags only a cycle leads to have no way down from the top: they go there themselves.
  const stranded = tags.filter((t) => !seen.has(t.id)).map(code);
  return [...top, ...stranded].filter((c): c is XmlElement => c !== undefined);
}

/** A codebook file (.qdc): the codes alone. The schema wants one code at least. */
export function renderCodebook(tags: readonly Tag[]): string {
  return serializeXml(
    element('CodeBook', { xmlns: CODEBOOK_NAMESPACE, origin: ORIGIN }, [
      element('Codes', {}, codeElements(tags)),
    ]),
  );
}
