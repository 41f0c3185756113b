import { forbiddenUnit, inUnitScope } from '@hub/schema';
import type { FinanceContext } from '../context.ts';

export const Query = {
  budgetUnit: async (_: unknown, args: { code: string }, ctx: FinanceContext) => {
    const unit = await ctx.loaders.budgetUnitByCode.load(args.code.trim());
    if (unit && !inUnitScope(ctx.viewer, unit.institutionCreditCode)) throw forbiddenUnit('code');
    return unit;
  },
};
