import { maySeeExchange } from '../domain/permissions.ts';
import type { CatalogEntryResolvers } from '../generated/resolvers.ts';

export const CatalogEntry: CatalogEntryResolvers = {
  __resolveReference: async (ref, ctx) => (await ctx.loaders.entries.load()).get(ref.code) ?? null,

  versions: (entry, _, ctx) => ctx.loaders.versionsByEntry.load(entry.code),

  /** Only what the caller may see (an anonymous caller: none), as Query.grants would list it. */
  grants: async (entry, _, ctx) =>
    (await ctx.loaders.allGrants.load()).filter((g) => g.entryCode === entry.code && maySeeExchange(ctx.viewer, entry.providerOffice, g.granteeOffice)),

  pendingRequests: async (entry, _, ctx) =>
    (await ctx.loaders.pendingRequests.load()).filter((r) => r.entryCode === entry.code && maySeeExchange(ctx.viewer, entry.providerOffice, r.requesterOffice)),
};
