// What the analyst has typed in an annotation editor and not saved yet. A draft outlives the
// editor: moving to another annotation or article keeps it, and opening the annotation again
// brings it back. Only Save or an explicit Discard ends it.
import { tagKey, type Span } from '../../../../electron/shared/model';

export interface DraftBase {
  tagNames: string[];
  comment: string;
}

export interface Draft extends DraftBase {
  /** Tag text typed but not yet confirmed with Enter; Save takes it too. */
  pendingTag: string;
  /** What was saved when the editor opened, to tell whether anything changed. */
  readonly base: DraftBase;
  /** The annotation it is for, so a draft left behind can be taken up again. */
  readonly target: EditTarget;
}

/** Which annotation an editor is for: a new one on a passage, or a saved one by id. */
export type EditTarget =
  | { kind: 'new'; articleId: string; passage: Span }
  | { kind: 'edit'; articleId: string; id: string };

export const draftKey = (target: EditTarget) =>
  target.kind === 'edit'
    ? target.id
    : `new:${target.articleId}:${target.passage.start}-${target.passage.end}`;

export function newDraft(target: EditTarget, base: DraftBase): Draft {
  return { tagNames: [...base.tagNames], comment: base.comment, pendingTag: '', base, target };
}

/** The tag names Save will send: the chosen ones plus the one still being typed. */
export function tagsToSave(draft: Draft): string[] {
  const pending = draft.pendingTag.trim();
  const chosen = draft.tagNames.map(tagKey);
  return pending && !chosen.includes(tagKey(pending))
    ? [...draft.tagNames, pending]
    : draft.tagNames;
}

export function isChanged(draft: Draft): boolean {
  const saved = draft.base.tagNames.map(tagKey).join('\n');
  return draft.comment !== draft.base.comment || tagsToSave(draft).map(tagKey).join('\n') !== saved;
}

/** Open drafts by key; each is reactive, so an editor can bind straight to it. */
export class Drafts {
  #byKey = $state<Record<string, Draft>>({});

  get(target: EditTarget, base: () => DraftBase): Draft {
    const key = draftKey(target);
    this.#byKey[key] ??= newDraft(target, base());
    return this.#byKey[key]!;
  }

  peek(key: string): Draft | undefined {
    return this.#byKey[key];
  }

  /** Drafts with changes, for the panel to show what is waiting. */
  changedKeys(): string[] {
    return Object.keys(this.#byKey).filter((key) => isChanged(this.#byKey[key]!));
  }

  /** New annotations on an article left with changes: their editor was closed by leaving it. */
  waitingNew(articleId: string): Array<Extract<EditTarget, { kind: 'new' }>> {
    return Object.values(this.#byKey).flatMap((draft) =>
      draft.target.kind === 'new' && draft.target.articleId === articleId && isChanged(draft)
        ? [draft.target]
        : [],
    );
  }

  discard(target: EditTarget) {
    delete this.#byKey[draftKey(target)];
  }

  /** Drops a draft that holds nothing new, so reopening starts from what is saved. */
  forgetIfUnchanged(target: EditTarget) {
    const draft = this.#byKey[draftKey(target)];
    if (draft && !isChanged(draft)) this.discard(target);
  }
}
