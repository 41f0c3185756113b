import type { GraphQLResolveInfo } from 'graphql';
import type { EntryRow } from '../db/queries.ts';
import { readCatalogSnapshot } from '../catalogSource.ts';
import type { CatalogContext } from '../context.ts';
import { accessRequests, type AccessRequestsArgs } from './accessRequests.ts';
import { grants } from './grants.ts';
import { myAccess } from './myAccess.ts';

interface CatalogEntriesArgs {
  providerOffice?: string | null;
  shareType?: EntryRow['shareType'] | null;
  status?: EntryRow['status'] | null;
}

export const Query = {
  /** The catalog is public (its fields are governed by the gateway like any other). */
  catalogEntries: async (_: unknown, args: CatalogEntriesArgs, ctx: CatalogContext) =>
    [...(await ctx.loaders.entries.load()).values()].filter(
      (e) => (args.providerOffice == null || e.providerOffice === args.providerOffice) && (args.shareType == null || e.shareType === args.shareType) && (args.status == null || e.status === args.status),
    ),

  catalogEntry: async (_: unknown, args: { code: string }, ctx: CatalogContext) => (await ctx.loaders.entries.load()).get(args.code) ?? null,

  myAccess: (_: unknown, args: { coordinates?: string[] | null }, ctx: CatalogContext) => myAccess(ctx, args),

  accessRequests: (_: unknown, args: AccessRequestsArgs, ctx: CatalogContext) => accessRequests(ctx, args),

  grants: (_: unknown, args: { live?: boolean | null }, ctx: CatalogContext) => grants(ctx, args),

  /** Only the gateway can ask (the field is @inaccessible: it is in no client's graph). */
  _catalogSnapshot: async (_: unknown, __: unknown, ctx: CatalogContext, ___: GraphQLResolveInfo) => JSON.stringify(await readCatalogSnapshot(ctx.db)),
};
