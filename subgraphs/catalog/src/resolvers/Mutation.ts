import type { GraphQLResolveInfo } from 'graphql';
import type { CatalogContext } from '../context.ts';
import type { RequestAccessInput } from '../domain/accessRequestRules.ts';
import type { DecideArgs } from '../domain/decisionRules.ts';
import type { EntryChangeInput } from '../domain/entryChange.ts';
import { decideAccessRequest } from './decideAccessRequest.ts';
import { requestAccess } from './requestAccess.ts';
import { revokeGrant } from './revokeGrant.ts';
import { updateCatalogEntry } from './updateCatalogEntry.ts';

/** Each mutation checks everything, refusing on the first problem, before it writes; it reports what it changed. */
export const Mutation = {
  updateCatalogEntry: (_: unknown, args: { code: string; input: EntryChangeInput }, ctx: CatalogContext, info: GraphQLResolveInfo) => updateCatalogEntry(ctx, args, info),

  requestAccess: (_: unknown, args: { input: RequestAccessInput }, ctx: CatalogContext) => requestAccess(ctx, args),

  decideAccessRequest: (_: unknown, args: DecideArgs & { id: string }, ctx: CatalogContext) => decideAccessRequest(ctx, args),

  revokeGrant: (_: unknown, args: { id: string; reason: string }, ctx: CatalogContext) => revokeGrant(ctx, args),
};
