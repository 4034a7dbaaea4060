// A project's or codebook's codes merged into the notebook's tag tree: a code meets a tag by GUID
// (our tag ids are the GUIDs we export), else by its path of names; one that meets a tag and
// differs from it is a conflict the analyst settles (keep ours, take theirs, keep both). Pure:
// the service commits what this plans.
import {
  DEFAULT_CODE_CONFLICT_CHOICE,
  type CodeConflict,
  type CodeConflictChoice,
} from '../../shared/interchange';
import {
  LIMITS,
  TAG_PALETTE,
  TAG_PATH_SEPARATOR,
  type Tag,
  type TagGuidanceFields,
} from '../../shared/model';
import { TagTree } from '../../shared/tag-tree';
import { codeDescription, parseCodeDescription } from './code-description';
import type { QdeCode } from './read-qde';

export interface CodePlan {
  conflicts: CodeConflict[];
  /** Each code's tag, by the code's GUID. */
  tagOf: Map<string, string>;
  created: Tag[];
  updated: Array<{ before: Tag; after: Tag }>;
  matched: number;
}

export interface NewTagParts {
  newId: () => string;
  createdAt: string;
  createdBy?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isUuid = (guid: string) => UUID.test(guid);

/** A name the tree can hold: one line, no path separator, NFC, at most LIMITS.tagName. */
export function tagNameOf(raw: string): string {
  const name = raw
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC')
    // A slash would read as a path: the division slash looks the same and is a name's own.
    .replaceAll(TAG_PATH_SEPARATOR, '\u2215');
  const points = Array.from(name);
  return (
    (points.length > LIMITS.tagName ? points.slice(0, LIMITS.tagName) : points).join('') ||
    'Unnamed code'
  );
}

/** #rgb or #rrggbb as ours (#rrggbb, lower case); anything else is no colour. */
export function colourOf(raw: string | undefined): string | undefined {
  const c = raw?.trim().toLowerCase();
  if (!c) return undefined;
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${[...c.slice(1)].map((d) => d + d).join('')}`;
  return undefined;
}

function guidanceOf(description: string): TagGuidanceFields {
  const fields = parseCodeDescription(description);
  const cut = (s: string) =>
    s.length > LIMITS.tagDescription ? s.slice(0, LIMITS.tagDescription) : s;
  return {
    description: cut(fields.description),
    whenToUse: cut(fields.whenToUse),
    whenNotToUse: cut(fields.whenNotToUse),
    example: cut(fields.example),
  };
}

/** The file's own path of a code: its names from the top down. */
function filePaths(codes: readonly QdeCode[]): Map<string, string> {
  const byGuid = new Map(codes.map((c) => [c.guid, c]));
  const paths = new Map<string, string>();
  const pathOf = (code: QdeCode, seen = new Set<string>()): string => {
    const known = paths.get(code.guid);
    if (known !== undefined) return known;
    const parent = code.parent === undefined ? undefined : byGuid.get(code.parent);
    seen.add(code.guid);
    const above =
      parent && !seen.has(parent.guid) ? `${pathOf(parent, seen)}${TAG_PATH_SEPARATOR}` : '';
    const path = above + tagNameOf(code.name);
    paths.set(code.guid, path);
    return path;
  };
  for (const code of codes) pathOf(code);
  return paths;
}

export function planCodes(
  tags: Iterable<Tag>,
  codes: readonly QdeCode[],
  choices: Readonly<Record<string, CodeConflictChoice>>,
  parts: NewTagParts,
): CodePlan {
  const tree = new TagTree(tags);
  const existing = new Set(tree.byId.keys());
  const paths = filePaths(codes);
  const use = TAG_PALETTE.map((p) => [...tree.byId.values()].filter((t) => t.color === p).length);
  const plan: CodePlan = { conflicts: [], tagOf: new Map(), created: [], updated: [], matched: 0 };

  const freeName = (parentId: string | undefined, name: string) => {
    if (!tree.child(parentId, name)) return name;
    for (let n = 2; ; n++) {
      const candidate = `${name} (${n})`;
      if (!tree.child(parentId, candidate)) return candidate;
    }
  };
  // A tree nests LIMITS.tagDepth levels at most: a deeper code sits under its deepest ancestor that fits.
  const fitting = (parentId: string | undefined) => {
    let at = parentId;
    while (at !== undefined && tree.depth(at) + 2 > LIMITS.tagDepth)
      at = tree.byId.get(at)?.parentId;
    return at;
  };
  const create = (
    code: QdeCode,
    name: string,
    parentId: string | undefined,
    guidance: TagGuidanceFields,
  ) => {
    const parent = fitting(parentId);
    const id = isUuid(code.guid) && !tree.byId.has(code.guid) ? code.guid : parts.newId();
    const colour = colourOf(code.color) ?? takeColour(use);
    const tag: Tag = {
      id,
      name: freeName(parent, name),
      color: colour,
      ...guidance,
      ...(parent !== undefined && { parentId: parent }),
      createdAt: parts.createdAt,
      ...(parts.createdBy !== undefined && { createdBy: parts.createdBy }),
    };
    tree.add(tag);
    plan.created.push(tag);
    return tag.id;
  };

  for (const code of codes) {
    const parentId = code.parent === undefined ? undefined : plan.tagOf.get(code.parent);
    const name = tagNameOf(code.name);
    const guidance = guidanceOf(code.description);
    const colour = colourOf(code.color);
    const byGuid = existing.has(code.guid) ? tree.byId.get(code.guid) : undefined;
    const byPath = byGuid ? undefined : tree.child(parentId, name);
    const ours = byGuid ?? byPath;
    if (!ours) {
      plan.tagOf.set(code.guid, create(code, name, parentId, guidance));
      continue;
    }
    if (!existing.has(ours.id)) {
      // Two codes of one file with one path: the second joins the first.
      plan.tagOf.set(code.guid, ours.id);
      continue;
    }
    const theirsDescription = codeDescription(guidance);
    const differs = {
      name: byGuid !== undefined && ours.name !== name,
      place: byGuid !== undefined && ours.parentId !== parentId,
      colour: colour !== undefined && colour !== ours.color.toLowerCase(),
      description: theirsDescription !== '' && theirsDescription !== codeDescription(ours),
    };
    if (!Object.values(differs).some(Boolean)) {
      plan.tagOf.set(code.guid, ours.id);
      plan.matched++;
      continue;
    }
    plan.conflicts.push({
      guid: code.guid,
      matchedBy: byGuid ? 'guid' : 'path',
      ours: {
        tagId: ours.id,
        path: tree.path(ours.id),
        color: ours.color,
        description: codeDescription(ours),
      },
      theirs: {
        path: paths.get(code.guid) ?? name,
        color: colour ?? '',
        description: theirsDescription,
      },
    });
    const choice = choices[code.guid] ?? DEFAULT_CODE_CONFLICT_CHOICE;
    if (choice === 'keep-both') {
      plan.tagOf.set(code.guid, create(code, `${name} (imported)`, parentId, guidance));
      continue;
    }
    plan.tagOf.set(code.guid, ours.id);
    plan.matched++;
    if (choice === 'keep-ours') continue;
    // Never under itself or its own subtree: that would make a cycle.
    const below = new Set([ours.id, ...tree.descendants(ours.id).map((t) => t.id)]);
    const moves = byGuid !== undefined && !(parentId !== undefined && below.has(parentId));
    const newParent = moves ? parentId : ours.parentId;
    const clash = tree.child(newParent, name);
    const { parentId: _old, ...rest } = ours;
    const after: Tag = {
      ...rest,
      name: byGuid && (!clash || clash.id === ours.id) ? name : ours.name,
      color: colour ?? ours.color,
      ...(theirsDescription !== '' ? guidance : {}),
      ...(newParent !== undefined && { parentId: newParent }),
    };
    plan.updated.push({ before: ours, after });
  }
  return plan;
}

/** The palette colour fewest tags use, counted as taken. */
function takeColour(use: number[]): string {
  const i = use.indexOf(Math.min(...use));
  use[i]!++;
  return TAG_PALETTE[i]!;
}
