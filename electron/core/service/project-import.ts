// REFI-QDA in: a .qdpx project or a .qdc codebook read off the main loop, previewed, then brought
// into the notebook as one change (see the contract's previewProject and importProject).
import type { Handlers, PickedFile } from '../../shared/contract';
import type { NotImported, ProjectImportReport, ProjectPreview } from '../../shared/interchange';
import {
  LIMITS,
  TAG_PALETTE,
  attributeKeyOf,
  initialsOf,
  type Analyst,
  type Annotation,
  type ArticleAttributes,
  type ArticleRecord,
} from '../../shared/model';
import type { ProgressTask } from '../../shared/progress';
import { TagTree } from '../../shared/tag-tree';
import { isUuid, planCodes } from '../interchange/read-merge-codes';
import type { ProjectRead, ReadSource } from '../interchange/read-project';
import type { QdeNote } from '../interchange/read-qde';
import type { Change } from '../store';
import { createdByNow, currentAnalystId, updatedNow } from './analysts';
import { asBadFile, currentRevision } from './articles';
import { logged } from './codebook-log';
import { isoNow, workersOf, type ServiceContext } from './context';
import { timeSlicer } from '../turns';
import { createHash } from 'node:crypto';

const TASK: ProgressTask = 'import-project';
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function readInWorker(ctx: ServiceContext, file: PickedFile): Promise<ProjectRead> {
  try {
    return await workersOf(ctx).run('readProject', file);
  } catch (error) {
    throw asBadFile(error, file.fileName);
  }
}

// The text of an article's current body, hashed once per body (bodies never change).
const textHashes = new Map<string, string>();

/** The articles already holding a source's text, by the source's GUID. */
async function articlesMatching(
  ctx: ServiceContext,
  sources: readonly ReadSource[],
): Promise<Map<string, ArticleRecord>> {
  const wanted = new Map<string, string[]>();
  for (const source of sources) {
    if (!source.article) continue;
    const list = wanted.get(source.article.textHash) ?? [];
    list.push(source.guid);
    wanted.set(source.article.textHash, list);
  }
  const found = new Map<string, ArticleRecord>();
  if (wanted.size === 0) return found;
  const slicer = timeSlicer();
  for (const record of ctx.store.state.articles.values()) {
    const { bodyHash } = currentRevision(record);
    let hash = textHashes.get(bodyHash);
    if (hash === undefined) {
      if (ctx.store.isUnreadable(bodyHash)) continue;
      try {
        const { text } = await ctx.store.getBody(bodyHash);
        hash = createHash('sha256').update(text).digest('hex');
      } catch {
        continue;
      }
      textHashes.set(bodyHash, hash);
    }
    for (const guid of wanted.get(hash) ?? []) if (!found.has(guid)) found.set(guid, record);
    if (slicer.due()) await slicer.pause();
  }
  return found;
}

const tagParts = (ctx: ServiceContext) => ({
  newId: ctx.newId,
  createdAt: isoNow(ctx),
  ...createdByNow(ctx),
});

function counts(read: ProjectRead) {
  return {
    codes: read.codes.length,
    codings: read.sources.reduce((n, s) => n + s.codings, 0),
    notes: read.notes.length,
    users: read.users.length,
    cases: read.cases.length,
    variables: read.variables.length,
  };
}

/** An ISO date from the file's xsd:dateTime, or `fallback` when it has none that parses. */
function dateOf(value: string | undefined, fallback: string): string {
  const at = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(at) ? fallback : new Date(at).toISOString();
}

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

function freeColour(analysts: Iterable<Analyst>): string {
  const taken = new Set([...analysts].map((a) => a.color));
  return TAG_PALETTE.find((c) => !taken.has(c)) ?? TAG_PALETTE[0];
}

/** Users as analysts: the same GUID or the same name is one we have; others are added. */
function planAnalysts(ctx: ServiceContext, read: ProjectRead, stamp: string) {
  const { analysts } = ctx.store.state;
  const byName = new Map([...analysts.values()].map((a) => [a.name.trim().normalize('NFC'), a]));
  const analystOf = new Map<string, string>();
  const created: Analyst[] = [];
  let matched = 0;
  for (const user of read.users) {
    const name = cut(
      user.name.trim().normalize('NFC') || user.id?.trim() || 'Unnamed analyst',
      LIMITS.analystName,
    );
    const known = analysts.get(user.guid) ?? byName.get(name);
    if (known) {
      analystOf.set(user.guid, known.id);
      matched++;
      continue;
    }
    const initials =
      user.id &&
      Array.from(user.id.trim()).length <= LIMITS.analystInitials &&
      user.id.trim() !== ''
        ? user.id.trim()
        : initialsOf(name);
    const analyst: Analyst = {
      id: isUuid(user.guid) && !analysts.has(user.guid) ? user.guid : ctx.newId(),
      name,
      initials,
      color: freeColour([...analysts.values(), ...created]),
      createdAt: stamp,
    };
    created.push(analyst);
    byName.set(name, analyst);
    analystOf.set(user.guid, analyst.id);
  }
  return { analystOf, created, matched };
}

/** Notes on sources become memos, notes on selections comments; the rest can't come in. */
function notesUse(read: ProjectRead) {
  const byGuid = new Map(read.notes.map((n) => [n.guid, n]));
  const used = new Set<string>();
  const take = (refs: readonly string[]): QdeNote[] =>
    refs.flatMap((r) => {
      const note = byGuid.get(r);
      if (!note) return [];
      used.add(r);
      return [note];
    });
  return { take, used };
}

export function projectImportHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'previewProject' | 'importProject'> {
  const { store } = ctx;
  const { state } = store;
  const progress = (done: number, total: number, stage: string) =>
    ctx.progress?.({ task: TASK, done, total, stage });

  return {
    async previewProject(file) {
      const read = await readInWorker(ctx, file);
      const matches = await articlesMatching(ctx, read.sources);
      const plan = planCodes(state.tags.values(), read.codes, {}, tagParts(ctx));
      const preview: ProjectPreview = {
        kind: read.kind,
        ...(read.name && { name: read.name }),
        ...(read.origin && { origin: read.origin }),
        sources: read.sources.map((s) => {
          const match = matches.get(s.guid);
          return {
            name: s.name,
            kind: s.kind,
            codings: s.codings,
            ...(match && { matches: { id: match.id, title: match.title } }),
            ...(s.problem && { problem: s.problem }),
          };
        }),
        counts: counts(read),
        conflicts: plan.conflicts,
        notImported: notImportedOf(read),
        tolerated: read.tolerated,
      };
      return preview;
    },

    async importProject({ conflicts, ...file }) {
      const total = 3;
      progress(0, total, 'Reading the project');
      const read = await readInWorker(ctx, file);
      const importable = read.sources.filter((s) => s.article);
      const steps = importable.length + 3;
      progress(1, steps, 'Matching articles and codes');
      const stamp = isoNow(ctx);
      const matches = await articlesMatching(ctx, read.sources);
      const plan = planCodes(state.tags.values(), read.codes, conflicts ?? {}, tagParts(ctx));
      const people = planAnalysts(ctx, read, stamp);
      const userOf = (guid: string | undefined) =>
        guid === undefined ? undefined : people.analystOf.get(guid);
      const notes = notesUse(read);
      const variableName = new Map(read.variables.map((v) => [v.guid, v.name]));

      const changes: Change[] = [];
      for (const analyst of people.created)
        changes.push({ kind: 'put', collection: 'analysts', record: analyst });
      for (const tag of plan.created)
        changes.push({ kind: 'put', collection: 'tags', record: tag });
      for (const { after } of plan.updated)
        changes.push({ kind: 'put', collection: 'tags', record: { ...after, ...updatedNow(ctx) } });
      const tree = new TagTree([
        ...state.tags.values(),
        ...plan.created,
        ...plan.updated.map((u) => u.after),
      ]);
      for (const tag of plan.created)
        changes.push(logged(ctx, 'create', { id: tag.id, path: tree.path(tag.id) }));
      for (const { before, after } of plan.updated) {
        const path = tree.path(after.id);
        if (before.name !== after.name)
          changes.push(logged(ctx, 'rename', { id: after.id, path }, { to: after.name }));
        if (before.parentId !== after.parentId) {
          changes.push(
            logged(
              ctx,
              'move',
              { id: after.id, path },
              { to: after.parentId ? tree.path(after.parentId) : '' },
            ),
          );
        }
        if (before.color !== after.color)
          changes.push(logged(ctx, 'recolour', { id: after.id, path }, { to: after.color }));
        if (
          before.description !== after.description ||
          before.whenToUse !== after.whenToUse ||
          before.whenNotToUse !== after.whenNotToUse ||
          before.example !== after.example
        ) {
          changes.push(logged(ctx, 'describe', { id: after.id, path }));
        }
      }

      const attributesOf = new Map<string, ArticleAttributes>();
      const addValue = (sourceGuid: string, variable: string, value: string) => {
        const name = variableName.get(variable)?.trim().normalize('NFC');
        if (!name) return;
        const own = attributesOf.get(sourceGuid) ?? {};
        const key = attributeKeyOf(name);
        if (Object.keys(own).some((k) => attributeKeyOf(k) === key)) return;
        if (Object.keys(own).length >= LIMITS.attributes) return;
        own[cut(name, LIMITS.attributeKey)] = cut(value.normalize('NFC'), LIMITS.attributeValue);
        attributesOf.set(sourceGuid, own);
      };
      for (const source of read.sources)
        for (const v of source.variableValues) addValue(source.guid, v.variable, v.value);
      for (const c of read.cases)
        for (const s of c.sources) for (const v of c.values) addValue(s, v.variable, v.value);

      const report: ProjectImportReport = {
        articles: { created: 0, matched: 0 },
        tags: { created: plan.created.length, matched: plan.matched, updated: plan.updated.length },
        annotations: { placed: 0, toReview: 0 },
        comments: 0,
        memos: 0,
        analysts: { created: people.created.length, matched: people.matched },
        notImported: [],
        tolerated: read.tolerated,
      };
      const takenArticleIds = new Set(state.articles.keys());
      const takenAnnotationIds = new Set(state.annotations.keys());
      let already = 0;
      let done = 1;
      const slicer = timeSlicer();
      for (const source of importable) {
        const made = source.article!;
        const match = matches.get(source.guid);
        const memoNotes = notes.take(source.noteRefs);
        const memo = cut(memoNotes.map((n) => n.text).join('\n\n'), LIMITS.memo);
        const lastNote = memoNotes.at(-1);
        let record: ArticleRecord;
        if (match) {
          record = match;
          report.articles.matched++;
          const attributes = { ...record.attributes };
          for (const [name, value] of Object.entries(attributesOf.get(source.guid) ?? {})) {
            const key = attributeKeyOf(name);
            if (!Object.keys(attributes).some((k) => attributeKeyOf(k) === key))
              attributes[name] = value;
          }
          const memoNow = record.memo.trim() === '' && memo.trim() !== '';
          if (memoNow || Object.keys(attributes).length !== Object.keys(record.attributes).length) {
            record = {
              ...record,
              attributes,
              ...(memoNow && memoFields(memo, lastNote)),
              ...updatedNow(ctx),
            };
            if (memoNow) report.memos++;
            changes.push({ kind: 'put', collection: 'articles', record });
          }
        } else {
          const bodyHash = await store.putBody(made.body);
          let original;
          if (made.original) {
            await store.putOriginal(made.original.hash, made.original.bytes);
            original = { hash: made.original.hash, name: made.original.name };
          }
          const importedAt = dateOf(source.creationDateTime, stamp);
          const id =
            isUuid(source.guid) && !takenArticleIds.has(source.guid) ? source.guid : ctx.newId();
          takenArticleIds.add(id);
          record = {
            id,
            title: made.title,
            ...made.details,
            authors: made.details.authors
              .slice(0, LIMITS.authors)
              .map((a) => cut(a, LIMITS.author)),
            source: cut(made.details.source || file.fileName, LIMITS.source),
            format: made.format,
            importedAt,
            memo,
            attributes: attributesOf.get(source.guid) ?? {},
            revisions: [
              {
                number: 1,
                createdAt: dateOf(source.modifiedDateTime, importedAt),
                reason: 'import',
                bodyHash,
                ...(original && { original }),
              },
            ],
          };
          if (memo.trim() !== '') {
            Object.assign(record, memoFields(memo, lastNote));
            report.memos++;
          }
          report.articles.created++;
          changes.push({ kind: 'put', collection: 'articles', record });
        }
        const revision = currentRevision(record).number;
        for (const selection of source.selections) {
          if (takenAnnotationIds.has(selection.guid)) {
            const there = state.annotations.get(selection.guid);
            const [p] = selection.selectors;
            if (
              there &&
              there.articleId === record.id &&
              there.selectors[0].start === p.start &&
              there.selectors[0].end === p.end
            ) {
              already++;
              continue;
            }
          }
          const id =
            isUuid(selection.guid) && !takenAnnotationIds.has(selection.guid)
              ? selection.guid
              : ctx.newId();
          takenAnnotationIds.add(id);
          const comment = cut(
            [selection.description, ...notes.take(selection.noteRefs).map((n) => n.text)]
              .filter((t) => t.trim() !== '')
              .join('\n\n'),
            LIMITS.comment,
          );
          const createdAt = dateOf(selection.creationDateTime, stamp);
          const createdBy = userOf(selection.creatingUser);
          const updatedBy = userOf(selection.modifyingUser);
          const annotation: Annotation = {
            id,
            articleId: record.id,
            selectors: selection.selectors,
            revision,
            tagIds: [...new Set(selection.codes.flatMap((c) => plan.tagOf.get(c) ?? []))],
            comment,
            createdAt,
            updatedAt: dateOf(selection.modifiedDateTime, createdAt),
            anchor: selection.exact ? 'anchored' : 'orphaned',
            ...(createdBy !== undefined && { createdBy }),
            ...(updatedBy !== undefined && updatedBy !== createdBy && { updatedBy }),
          };
          if (selection.exact) report.annotations.placed++;
          else report.annotations.toReview++;
          if (comment !== '') report.comments++;
          changes.push({ kind: 'put', collection: 'annotations', record: annotation });
          if (slicer.due()) await slicer.pause();
        }
        progress(++done, steps, 'Storing texts and placing codings');
        if (slicer.due()) await slicer.pause();
      }
      const loose = read.notes.filter((n) => !notes.used.has(n.guid)).length;
      report.notImported = notImportedOf(read, { loose, already });
      progress(steps - 1, steps, 'Saving');
      await store.commit(changes);
      progress(steps, steps, 'Done');
      return report;

      function memoFields(memo: string, note: QdeNote | undefined) {
        const by = userOf(note?.modifyingUser ?? note?.creatingUser) ?? currentAnalystId(ctx);
        return {
          memo,
          memoUpdatedAt: dateOf(note?.modifiedDateTime ?? note?.creationDateTime, stamp),
          ...(by !== undefined && { memoUpdatedBy: by }),
        };
      }
    },
  };
}

/** What the file holds that won't come in: the reader's list, and what importing found. */
function notImportedOf(
  read: ProjectRead,
  found?: { loose: number; already: number },
): NotImported[] {
  const out = [...read.notImported];
  if (found?.loose) {
    out.push({
      topic: 'loose-note',
      count: found.loose,
      text: `${plural(found.loose, 'note belongs', 'notes belong')} to no source or selection (a project or code note): the notebook keeps notes on articles and passages only.`,
    });
  }
  if (found?.already) {
    out.push({
      topic: 'already-here',
      count: found.already,
      text: `${plural(found.already, 'selection was', 'selections were')} in the notebook already (the same passage on the same article), and ${found.already === 1 ? 'was' : 'were'} not added twice.`,
    });
  }
  return out;
}
