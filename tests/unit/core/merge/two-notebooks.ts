// Two real notebooks in temp folders, each open (holding its own lock) with its own analyst, ids
// and clock, reached through the dispatcher; and what each holds, counted, to check that nothing
// is lost whatever a merge decides.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from '../../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import type { CallName, CallResult } from '../../../../electron/shared/contract';
import type { MergeChoice, MergePreview } from '../../../../electron/shared/merge';

const SAMPLE = join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt');

export interface Side {
  readonly dir: string;
  readonly notebook: Notebook;
  call<K extends CallName>(name: K, input: unknown): Promise<CallResult<K>>;
  refusal(name: CallName, input: unknown): Promise<string>;
  /** Previews merging `other` in, as the host would after its folder dialog. */
  preview(other: Side): Promise<MergePreview>;
  /** Previews and applies, deciding conflicts with `choose` (by conflict). */
  merge(
    other: Side,
    choose?: (c: MergePreview['conflicts'][number]) => MergeChoice | undefined,
  ): Promise<{ preview: MergePreview; report: CallResult<'applyMerge'> }>;
  /** The sample article (both sides import it on their first run). */
  sample(): Promise<CallResult<'getArticle'>>;
  annotate(
    phrase: string,
    tagNames: string[],
    comment?: string,
  ): Promise<CallResult<'createAnnotation'>>;
  close(): Promise<void>;
}

export async function openSide(prefix: string, analyst: string, start: string): Promise<Side> {
  const dir = await mkdtemp(join(tmpdir(), `notebook-merge-${prefix}-`));
  let ids = 0;
  let clock = Date.parse(start);
  const notebook = await openNotebook({
    dataDir: dir,
    samplePath: SAMPLE,
    now: () => new Date((clock += 1000)),
    newId: () => `${prefix}-${++ids}`,
  });
  const dispatch: Dispatch = createDispatcher(notebook.handlers, () => undefined);
  const call = async <K extends CallName>(name: K, input: unknown) => {
    const answer = await dispatch(name, input);
    if (!answer.ok) throw new Error(`${name} refused: ${answer.error.message}`);
    return answer.value as CallResult<K>;
  };
  const side: Side = {
    dir,
    notebook,
    call,
    async refusal(name, input) {
      const answer = await dispatch(name, input);
      if (answer.ok) throw new Error(`${name} was accepted`);
      return answer.error.message;
    },
    preview: (other) => notebook.previewMergeFrom(other.dir),
    async merge(other, choose = () => undefined) {
      const preview = await side.preview(other);
      const choices: Record<string, MergeChoice> = {};
      for (const c of preview.conflicts) {
        const choice = choose(c);
        if (choice) choices[c.id] = choice;
      }
      const report = await call('applyMerge', { token: preview.token, choices });
      return { preview, report };
    },
    async sample() {
      const [summary] = await call('listArticles', {});
      return call('getArticle', { id: summary!.id });
    },
    async annotate(phrase, tagNames, comment = '') {
      const article = await side.sample();
      const at = article.text.indexOf(phrase);
      if (at < 0) throw new Error(`“${phrase}” is not in the sample`);
      return call('createAnnotation', {
        articleId: article.id,
        start: at,
        end: at + phrase.length,
        tagNames,
        comment,
      });
    },
    async close() {
      await notebook.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await call('setAnalyst', { name: analyst });
  return side;
}

/** Every record a notebook holds, by collection, as comparable plain values. */
export function holdings(side: Side) {
  const { state } = side.notebook.store;
  return {
    articles: [...state.articles.values()].map((a) => a.revisions[0]!.bodyHash).sort(),
    annotations: [...state.annotations.values()]
      .map((a) => `${a.selectors[1].exact}|${a.comment}`)
      .sort(),
    tags: [...state.tags.values()].map((t) => t.name).sort(),
    analysts: [...state.analysts.values()].map((a) => a.name).sort(),
  };
}
