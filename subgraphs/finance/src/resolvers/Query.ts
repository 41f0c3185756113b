import { forbiddenUnit, inUnitScope } from '@hub/schema';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { financeVerificationRows } from './financeVerificationRows.ts';
import { receivedStopPayNotices } from './receivedStopPayNotices.ts';

export const Query: QueryResolvers = {
  financeVerificationRows,

  budgetUnit: async (_, args, ctx) => {
    const unit = await ctx.loaders.budgetUnitByCode.load(args.code.trim());
    if (unit && !inUnitScope(ctx.viewer, unit.institutionCreditCode)) throw forbiddenUnit('code');
    return unit;
  },

  receivedStopPayNotices,
};
