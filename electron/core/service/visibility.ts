// Blind coding (AppSettings.blindCoding): while it is on, the window sees only the annotations of
// the analyst coding now. Decided here, in the core, so every list and count the window gets
// agrees; exports and the store itself are never narrowed.
import type { ChangeNotice } from '../../shared/contract';
import type { Annotation } from '../../shared/model';
import type { SettingsStore } from '../settings/settings-store';
import type { NotebookState } from '../store';
import { conflict } from '../errors';
import { currentAnalystId } from './analysts';
import type { ServiceContext } from './context';

/** Whether the window may see an annotation. */
export type Visible = (annotation: Annotation) => boolean;

/**
 * The annotations the window may see now; null when it may see all of them (blind coding off),
 * so callers skip the check. With nobody named yet, "the analyst coding now" is whoever made the
 * annotations that name nobody: those are the ones shown.
 */
export async function blindFilter(ctx: ServiceContext): Promise<Visible | null> {
  if (!ctx.settings || !(await ctx.settings.get()).blindCoding) return null;
  const me = currentAnalystId(ctx);
  return (annotation) => annotation.createdBy === me;
}

/**
 * Comparing coders (agreement, disagreements, adjudication) shows other coders' work: refused
 * while blind coding is on, whatever asks.
 */
export async function refuseWhileBlind(ctx: ServiceContext, what: string): Promise<void> {
  if (await blindFilter(ctx)) {
    throw conflict(
      `${what} compares coders’ work, which blind coding hides: turn blind coding off in Settings first.`,
    );
  }
}

/** `keep` and the blind filter together (either may be absent). */
export function alsoVisible(keep: Visible, visible: Visible | null): Visible {
  return visible ? (a) => visible(a) && keep(a) : keep;
}

/** The annotations of the state the window may see (all of them when `visible` is null). */
export function visibleIn(state: NotebookState, visible: Visible | null): Iterable<Annotation> {
  const all = state.annotations.values();
  if (!visible) return all;
  return (function* () {
    for (const annotation of all) if (visible(annotation)) yield annotation;
  })();
}

/**
 * What turning blind coding on or off changes for the window, as a commit's notice would say it:
 * every annotation that is not the coding analyst's appears or vanishes (so the views fetch them,
 * or find them gone); the library's and the codebook's counts follow annotations' notices. Null
 * when there are none.
 */
export function blindingNotice(ctx: ServiceContext): ChangeNotice | null {
  const { state } = ctx.store;
  const me = currentAnalystId(ctx);
  const annotations: string[] = [];
  const annotationArticles = new Set<string>();
  for (const annotation of state.annotations.values()) {
    if (annotation.createdBy === me) continue;
    annotations.push(annotation.id);
    annotationArticles.add(annotation.articleId);
  }
  if (annotations.length === 0) return null;
  return {
    articles: [],
    annotations,
    annotationArticles: [...annotationArticles],
    tags: [],
  };
}

/**
 * Calls `listener` with blindingNotice each time the blindCoding setting flips (not when other
 * settings change); returns an unsubscribe.
 */
export function onBlindingChanged(
  ctx: ServiceContext,
  settings: SettingsStore,
  listener: (notice: ChangeNotice) => void,
): () => void {
  let blind: boolean | undefined;
  void settings.get().then(
    (now) => (blind ??= now.blindCoding),
    () => undefined,
  );
  return settings.onChange((now) => {
    const was = blind;
    blind = now.blindCoding;
    if (was === now.blindCoding) return;
    const notice = blindingNotice(ctx);
    if (notice) listener(notice);
  });
}
