import type { FinanceContext } from '../context.ts';

export const Query = {
  budgetUnit: (_: unknown, args: { code: string }, ctx: FinanceContext) => ctx.loaders.budgetUnitByCode.load(args.code.trim()),
};
