// REFI-QDA identifies everything by GUID. Ours are stable: the same notebook exported twice gives
// the same GUIDs, so a tool that imports both sees one project updated, not two.
import { createHash } from 'node:crypto';

/** What the schema's GUIDType accepts (the braced form too, which we never write). */
export const GUID_PATTERN =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** This app's namespace for name-based UUIDs (made once at random; never change it). */
const NAMESPACE = Buffer.from('75ae3cdb460a41129467745ed0de57b7', 'hex');

/** A name-based UUID (RFC 9562 version 5: SHA-1 of the namespace and the name). */
export function nameBasedUuid(name: string, namespace: Uint8Array = NAMESPACE): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The GUID of one of our records. Ids the app makes are random UUIDs already, and one is used as
 * it is: an importer that keeps GUIDs as ids then exports them unchanged. Any other id (an old
 * or a test id) is hashed with its kind, so two kinds never share a GUID.
 */
export function recordGuid(kind: RecordKind, id: string): string {
  return UUID.test(id) ? id.toLowerCase() : nameBasedUuid(`${kind}\u0000${id}`);
}

/** What REFI-QDA elements stand for one record of ours each. */
export type RecordKind = 'user' | 'code' | 'source' | 'selection';

/**
 * The GUIDs of one export. Elements with no record of their own (a coding is an annotation and a
 * tag, a memo's note belongs to its article) get a name-based UUID of what they belong to.
 */
export const guids = {
  user: (analystId: string) => recordGuid('user', analystId),
  code: (tagId: string) => recordGuid('code', tagId),
  source: (articleId: string) => recordGuid('source', articleId),
  selection: (annotationId: string) => recordGuid('selection', annotationId),
  /** A PDF source's plain-text representation (where the passages are). */
  representation: (articleId: string) => nameBasedUuid(`representation\u0000${articleId}`),
  coding: (annotationId: string, tagId: string) =>
    nameBasedUuid(`coding\u0000${annotationId}\u0000${tagId}`),
  memoNote: (articleId: string) => nameBasedUuid(`memo\u0000${articleId}`),
  reviewNote: (annotationId: string) => nameBasedUuid(`review\u0000${annotationId}`),
  /** Attributes are one variable per name, compared as attributeKeyOf does. */
  variable: (attributeKey: string) => nameBasedUuid(`variable\u0000${attributeKey}`),
  case: (articleId: string) => nameBasedUuid(`case\u0000${articleId}`),
};
