// Who is coding. A notebook has one analyst coding in it now (asked once, on first run), and keeps
// everyone who ever coded in it, so records that name an analyst by id always find a name.
import { userInfo } from 'node:os';
import type { Handlers } from '../../shared/contract';
import { initialsOf, TAG_PALETTE, type Analyst } from '../../shared/model';
import type { Change } from '../store';
import { isoNow, type ServiceContext } from './context';

/** The analyst coding now, whose id every new record carries; undefined until one is named. */
export function currentAnalystId(ctx: ServiceContext): string | undefined {
  const id = ctx.store.state.meta.analystId;
  return id !== undefined && ctx.store.state.analysts.has(id) ? id : undefined;
}

/** `{createdBy}` for a new record, or nothing when no analyst is named yet. */
export function createdByNow(ctx: ServiceContext): { createdBy?: string } {
  const by = currentAnalystId(ctx);
  return by === undefined ? {} : { createdBy: by };
}

/**
 * `{updatedAt, updatedBy}` for a record changed now: every change of a tag or article says who
 * and when, so a merge can show each side's last change.
 */
export function updatedNow(ctx: ServiceContext): { updatedAt: string; updatedBy?: string } {
  const by = currentAnalystId(ctx);
  return { updatedAt: isoNow(ctx), ...(by !== undefined && { updatedBy: by }) };
}

export function currentAnalyst(ctx: ServiceContext): Analyst | undefined {
  const id = currentAnalystId(ctx);
  return id === undefined ? undefined : ctx.store.state.analysts.get(id);
}

/** The account's name, offered when the app first asks who is coding; '' when unknown. */
export function suggestedAnalystName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** The first palette colour no other analyst has, so two coders' colours differ. */
export function freeColor(analysts: Iterable<Analyst>): string {
  const taken = new Set([...analysts].map((a) => a.color));
  return TAG_PALETTE.find((c) => !taken.has(c)) ?? TAG_PALETTE[0];
}

export function analystHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'listAnalysts' | 'setAnalyst'> {
  const { store } = ctx;
  const { state } = store;
  return {
    async listAnalysts() {
      return [...state.analysts.values()];
    },

    async setAnalyst({ name, initials, color }) {
      const existing = currentAnalyst(ctx);
      const analyst: Analyst = existing
        ? {
            ...existing,
            name,
            initials: initials ?? existing.initials,
            color: color ?? existing.color,
          }
        : {
            id: ctx.newId(),
            name,
            initials: initials ?? initialsOf(name),
            color: color ?? freeColor(state.analysts.values()),
            createdAt: isoNow(ctx),
          };
      const changes: Change[] = [{ kind: 'put', collection: 'analysts', record: analyst }];
      if (!existing) changes.push({ kind: 'meta', key: 'analystId', value: analyst.id });
      await store.commit(changes);
      return analyst;
    },
  };
}
