import { readCatalogSnapshot } from '../catalogSource.ts';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { accessRequests } from './accessRequests.ts';
import { grants } from './grants.ts';
import { myAccess } from './myAccess.ts';
import { finding, findings, verificationRun, verificationRuns } from './verificationQueries.ts';

export const Query: QueryResolvers = {
  verificationRuns,
  verificationRun,
  findings,
  finding,

  /** The catalog is public (its fields are governed by the gateway like any other). */
  catalogEntries: async (_, args, ctx) =>
    [...(await ctx.loaders.entries.load()).values()].filter(
      (e) =>
        (args.providerOffice == null || e.providerOffice === args.providerOffice) &&
        (args.shareType == null || e.shareType === args.shareType) &&
        (args.status == null || e.status === args.status),
    ),

  catalogEntry: async (_, args, ctx) => (await ctx.loaders.entries.load()).get(args.code) ?? null,

  myAccess: (_, args, ctx) => myAccess(ctx, args),

  accessRequests: (_, args, ctx) => accessRequests(ctx, args),

  grants: (_, args, ctx) => grants(ctx, args),

  /** Only the gateway can ask (the field is @inaccessible: it is in no client's graph). */
  _catalogSnapshot: async (_, __, ctx) => JSON.stringify(await readCatalogSnapshot(ctx.db)),
};
