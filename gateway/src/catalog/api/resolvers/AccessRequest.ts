import type { RequestRow } from '../../catalogStore.ts';
import type { CatalogApiContext } from '../context.ts';
import { chinaToday } from '../domain/chinaDay.ts';
import { isOverdue } from '../domain/liveness.ts';
import { allGrants } from '../requestCache.ts';

export const AccessRequest = {
  entry: async (request: RequestRow, _: unknown, ctx: CatalogApiContext) => (await ctx.store.snapshot()).entries.get(request.entryCode) ?? null,

  overdue: (request: RequestRow, _: unknown, ctx: CatalogApiContext) => isOverdue(request, chinaToday(ctx.now())),

  /** Whoever may see the request may see its grant: the same two offices. */
  grant: async (request: RequestRow, _: unknown, ctx: CatalogApiContext) => (await allGrants(ctx)).find((g) => g.requestId === request.id) ?? null,
};
