import type { GraphQLResolveInfo } from 'graphql';
import type { CatalogApiContext } from '../context.ts';
import type { RequestAccessInput } from '../domain/accessRequestRules.ts';
import type { DecideArgs } from '../domain/decisionRules.ts';
import type { EntryChangeInput } from '../domain/entryChange.ts';
import { decideAccessRequest } from '../fields/decideAccessRequest.ts';
import { requestAccess } from '../fields/requestAccess.ts';
import { revokeGrant } from '../fields/revokeGrant.ts';
import { updateCatalogEntry } from '../fields/updateCatalogEntry.ts';

/** Each mutation checks everything, logging and refusing on the first problem, before it writes. */
export const Mutation = {
  updateCatalogEntry: (_: unknown, args: { code: string; input: EntryChangeInput }, ctx: CatalogApiContext, info: GraphQLResolveInfo) =>
    updateCatalogEntry(ctx, args, info),

  requestAccess: (_: unknown, args: { input: RequestAccessInput }, ctx: CatalogApiContext, info: GraphQLResolveInfo) => requestAccess(ctx, args, info),

  decideAccessRequest: (_: unknown, args: DecideArgs & { id: string }, ctx: CatalogApiContext, info: GraphQLResolveInfo) => decideAccessRequest(ctx, args, info),

  revokeGrant: (_: unknown, args: { id: string; reason: string }, ctx: CatalogApiContext, info: GraphQLResolveInfo) => revokeGrant(ctx, args, info),
};
