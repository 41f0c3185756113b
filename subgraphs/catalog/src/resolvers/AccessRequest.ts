import { beijingDay } from '@hub/schema';
import type { RequestRow } from '../db/queries.ts';
import type { CatalogContext } from '../context.ts';
import { isOverdue } from '../domain/liveness.ts';

export const AccessRequest = {
  entry: async (request: RequestRow, _: unknown, ctx: CatalogContext) => (await ctx.loaders.entries.load()).get(request.entryCode) ?? null,

  overdue: (request: RequestRow, _: unknown, ctx: CatalogContext) => isOverdue(request, beijingDay(ctx.now())),

  /** Whoever may see the request may see its grant: the same two offices. */
  grant: async (request: RequestRow, _: unknown, ctx: CatalogContext) => (await ctx.loaders.allGrants.load()).find((g) => g.requestId === request.id) ?? null,
};
