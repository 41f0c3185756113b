import type { EntryRow, ItemRow } from '../../catalogStore.ts';
import type { CatalogApiContext } from '../context.ts';
import { maySeeExchange } from '../domain/permissions.ts';
import { allGrants, entryVersions, pendingRequests } from '../requestCache.ts';

type Entry = EntryRow & { items: ItemRow[] };

export const CatalogEntry = {
  __resolveReference: async (ref: { code: string }, ctx: CatalogApiContext) => (await ctx.store.snapshot()).entries.get(ref.code) ?? null,

  versions: (entry: Entry, _: unknown, ctx: CatalogApiContext) => entryVersions(ctx, entry.code),

  /** Only what the caller may see (an anonymous caller: none), as Query.grants would list it. */
  grants: async (entry: Entry, _: unknown, ctx: CatalogApiContext) =>
    (await allGrants(ctx)).filter((g) => g.entryCode === entry.code && maySeeExchange(ctx.viewer, entry.providerOffice, g.granteeOffice)),

  pendingRequests: async (entry: Entry, _: unknown, ctx: CatalogApiContext) =>
    (await pendingRequests(ctx)).filter((r) => r.entryCode === entry.code && maySeeExchange(ctx.viewer, entry.providerOffice, r.requesterOffice)),
};
