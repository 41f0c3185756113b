import type { GraphQLResolveInfo } from 'graphql';
import type { EntryRow } from '../../catalogStore.ts';
import type { CatalogApiContext } from '../context.ts';
import { accessRequests, type AccessRequestsArgs } from '../fields/accessRequests.ts';
import { grants } from '../fields/grants.ts';
import { myAccess } from '../fields/myAccess.ts';
import { operationLog, verifyOperationLog, type OperationLogArgs } from '../fields/operationLog.ts';

interface CatalogEntriesArgs {
  providerOffice?: string | null;
  shareType?: EntryRow['shareType'] | null;
  status?: EntryRow['status'] | null;
}

export const Query = {
  /** The catalog is public (its fields are governed by the gateway like any other): read from the store's snapshot. */
  catalogEntries: async (_: unknown, args: CatalogEntriesArgs, ctx: CatalogApiContext) =>
    [...(await ctx.store.snapshot()).entries.values()].filter(
      (e) => (args.providerOffice == null || e.providerOffice === args.providerOffice) && (args.shareType == null || e.shareType === args.shareType) && (args.status == null || e.status === args.status),
    ),

  catalogEntry: async (_: unknown, args: { code: string }, ctx: CatalogApiContext) => (await ctx.store.snapshot()).entries.get(args.code) ?? null,

  myAccess: (_: unknown, args: { coordinates?: string[] | null }, ctx: CatalogApiContext) => myAccess(ctx, args),

  accessRequests: (_: unknown, args: AccessRequestsArgs, ctx: CatalogApiContext, info: GraphQLResolveInfo) => accessRequests(ctx, args, info),

  grants: (_: unknown, args: { live?: boolean | null }, ctx: CatalogApiContext, info: GraphQLResolveInfo) => grants(ctx, args, info),

  operationLog: (_: unknown, args: OperationLogArgs, ctx: CatalogApiContext, info: GraphQLResolveInfo) => operationLog(ctx, args, info),

  verifyOperationLog: (_: unknown, __: unknown, ctx: CatalogApiContext, info: GraphQLResolveInfo) => verifyOperationLog(ctx, info),
};
