import type { MutationResolvers } from '../generated/resolvers.ts';
import { decideAccessRequest } from './decideAccessRequest.ts';
import { requestAccess } from './requestAccess.ts';
import { revokeGrant } from './revokeGrant.ts';
import { updateCatalogEntry } from './updateCatalogEntry.ts';
import { answerFinding } from './answerFinding.ts';
import { flagValue } from './flagValue.ts';
import { startVerificationRun } from './startVerificationRun.ts';

/** Each mutation checks everything, refusing on the first problem, before it writes; it reports what it changed. */
export const Mutation: MutationResolvers = {
  updateCatalogEntry: (_, args, ctx) => updateCatalogEntry(ctx, args),

  requestAccess: (_, args, ctx) => requestAccess(ctx, args),

  decideAccessRequest: (_, args, ctx) => decideAccessRequest(ctx, args),

  revokeGrant: (_, args, ctx) => revokeGrant(ctx, args),

  startVerificationRun,

  acknowledgeFinding: (_, args, ctx) => answerFinding(ctx, 'ACKNOWLEDGE', args),

  markFindingFixed: (_, args, ctx) => answerFinding(ctx, 'MARK_FIXED', args),

  explainFinding: (_, args, ctx) => answerFinding(ctx, 'EXPLAIN', args),

  flagValue,
};
