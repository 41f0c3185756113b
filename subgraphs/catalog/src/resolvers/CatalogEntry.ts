import type { Entry } from '../db/queries.ts';
import type { CatalogContext } from '../context.ts';
import { maySeeExchange } from '../domain/permissions.ts';

export const CatalogEntry = {
  __resolveReference: async (ref: { code: string }, ctx: CatalogContext) => (await ctx.loaders.entries.load()).get(ref.code) ?? null,

  versions: (entry: Entry, _: unknown, ctx: CatalogContext) => ctx.loaders.versionsByEntry.load(entry.code),

  /** Only what the caller may see (an anonymous caller: none), as Query.grants would list it. */
  grants: async (entry: Entry, _: unknown, ctx: CatalogContext) =>
    (await ctx.loaders.allGrants.load()).filter((g) => g.entryCode === entry.code && maySeeExchange(ctx.viewer, entry.providerOffice, g.granteeOffice)),

  pendingRequests: async (entry: Entry, _: unknown, ctx: CatalogContext) =>
    (await ctx.loaders.pendingRequests.load()).filter((r) => r.entryCode === entry.code && maySeeExchange(ctx.viewer, entry.providerOffice, r.requesterOffice)),
};
