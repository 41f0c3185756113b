import { ok } from 'node:assert';
import { beijingDay } from '@hub/schema';
import { isOverdue } from '../domain/liveness.ts';
import type { AccessRequestResolvers } from '../generated/resolvers.ts';

export const AccessRequest: AccessRequestResolvers = {
  /** Entries are never deleted (deprecated at most), so a request's entry is always there. */
  entry: async (request, _, ctx) => {
    const entry = (await ctx.loaders.entries.load()).get(request.entryCode);
    ok(entry, `access request ${request.id} names catalog entry ${request.entryCode}, which is not in the catalog`);
    return entry;
  },

  overdue: (request, _, ctx) => isOverdue(request, beijingDay(ctx.now())),

  /** Whoever may see the request may see its grant: the same two offices. */
  grant: async (request, _, ctx) => (await ctx.loaders.allGrants.load()).find((g) => g.requestId === request.id) ?? null,
};
