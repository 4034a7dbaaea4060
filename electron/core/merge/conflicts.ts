// The questions a merge asks: each pair the three-way rule could not decide, and each tag of
// theirs with one of our tags' names under the same parent, as a MergeConflict with both sides in
// words; and the answer each choice gives (a conflict left out keeps ours).
import type { MergeChoice, MergeConflict, MergeSide } from '../../shared/merge';
import type { Annotation, ArticleRecord, Tag } from '../../shared/model';
import { conflict as refusal } from '../errors';
import type { NotebookState } from '../store/notebook-data';
import {
  annotationFields,
  annotationSide,
  articleSide,
  deletedSide,
  tagFields,
  tagPath,
  tagSide,
  type SideView,
} from './describe';
import type { Pair, Pairs } from './pairs';

export type Outcome = 'ours' | 'theirs' | 'copy';

const TWO: MergeChoice[] = ['ours', 'theirs'];
const THREE: MergeChoice[] = ['ours', 'theirs', 'both'];

export class Questions {
  readonly conflicts: MergeConflict[] = [];
  readonly decided: Record<MergeChoice, number> = { ours: 0, theirs: 0, both: 0 };

  constructor(
    private readonly choices: Readonly<Record<string, MergeChoice>>,
    readonly ourView: SideView,
    readonly theirView: SideView,
  ) {}

  /** Adds the conflict and answers it: the analyst's choice, else ours. */
  ask(conflict: MergeConflict): MergeChoice {
    this.conflicts.push(conflict);
    const chosen = Object.hasOwn(this.choices, conflict.id) ? this.choices[conflict.id]! : 'ours';
    if (!conflict.choices.includes(chosen)) {
      throw refusal(`“${conflict.ours.label}” can’t be kept both ways: choose ours or theirs.`);
    }
    this.decided[chosen]++;
    return chosen;
  }

  /** `theirs` in our ids, `theirOwn` as they hold it. */
  tagPath(ours: Tag, theirs: Tag, theirOwn: Tag): MergeChoice {
    const mine = tagFields(this.ourView, ours, ours.parentId);
    const other = tagFields(this.theirView, theirs, theirs.parentId);
    return this.ask({
      id: `tag-path:${theirOwn.id}`,
      kind: 'tag-path',
      ours: tagSide(this.ourView, ours, tagPath(this.ourView.state, ours), other),
      theirs: tagSide(this.theirView, theirs, tagPath(this.theirView.state, theirOwn), mine),
      choices: THREE,
    });
  }

  tag(pair: Pair<Tag>): Outcome {
    const { ours, theirs, theirOwn } = pair;
    const mine = ours && tagFields(this.ourView, ours, ours.parentId);
    const other = theirs && tagFields(this.theirView, theirs, theirs.parentId);
    const ourLabel = ours && tagPath(this.ourView.state, ours);
    const theirLabel = theirOwn && tagPath(this.theirView.state, theirOwn);
    const label = ourLabel ?? theirLabel ?? pair.id;
    return outcomeOf(
      this.ask({
        id: `tag:${pair.id}`,
        kind: 'tag',
        ours: ours ? tagSide(this.ourView, ours, label, other) : this.gone('ours', pair.id, label),
        theirs: theirs
          ? tagSide(this.theirView, theirs, theirLabel ?? label, mine)
          : this.gone('theirs', theirOwn?.id ?? pair.id, label),
        choices: TWO,
      }),
    );
  }

  article(pair: Pair<ArticleRecord>): Outcome {
    const { ours, theirs } = pair;
    const label = (ours ?? theirs!).title;
    return outcomeOf(
      this.ask({
        id: `article:${pair.id}`,
        kind: 'article',
        ours: ours ? articleSide(this.ourView, ours, theirs) : this.gone('ours', pair.id, label),
        theirs: theirs
          ? articleSide(this.theirView, theirs, ours)
          : this.gone('theirs', pair.theirOwn?.id ?? pair.id, label),
        choices: TWO,
      }),
    );
  }

  annotation(pair: Pair<Annotation>): Outcome {
    const { ours, theirs } = pair;
    const mine = ours && annotationFields(this.ourView, ours, ours.tagIds);
    const other = theirs && annotationFields(this.theirView, theirs, theirs.tagIds);
    const label = (ours ?? theirs!).selectors[1].exact;
    return outcomeOf(
      this.ask({
        id: `annotation:${pair.id}`,
        kind: 'annotation',
        ours: ours
          ? annotationSide(this.ourView, ours, ours.tagIds, other)
          : this.gone('ours', pair.id, label),
        theirs: theirs
          ? annotationSide(this.theirView, theirs, theirs.tagIds, mine)
          : this.gone('theirs', pair.id, label),
        choices: ours && theirs ? THREE : TWO,
      }),
    );
  }

  #label = (text: string) => {
    const one = text.replace(/\s+/g, ' ').trim();
    return one.length > 160 ? `${one.slice(0, 159)}…` : one;
  };

  private gone(side: 'ours' | 'theirs', id: string, label: string): MergeSide {
    const view = side === 'ours' ? this.ourView : this.theirView;
    return deletedSide(view, this.#label(label), view.state.tombstones.get(id));
  }
}

const outcomeOf = (choice: MergeChoice): Outcome =>
  choice === 'both' ? 'copy' : choice === 'theirs' ? 'theirs' : 'ours';

/** The two sides' views: names of tags by our id, from whichever side holds the tag. */
export function sideViews(ours: NotebookState, theirs: NotebookState, pairs: Pairs) {
  const ourName = (id: string): string => {
    const tag = ours.tags.get(id);
    if (tag) return tagPath(ours, tag);
    const theirOwn = pairs.tags.get(id)?.theirOwn;
    return theirOwn ? tagPath(theirs, theirOwn) : '(a deleted tag)';
  };
  const theirName = (id: string): string => {
    const theirOwn = pairs.tags.get(id)?.theirOwn;
    return theirOwn ? tagPath(theirs, theirOwn) : ourName(id);
  };
  return {
    ourView: { state: ours, tagName: ourName } satisfies SideView,
    theirView: { state: theirs, tagName: theirName } satisfies SideView,
  };
}
