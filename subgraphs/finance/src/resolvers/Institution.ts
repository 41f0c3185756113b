import { connection, forbiddenUnit, inUnitScope, readPage, requireCreditCode } from '@hub/schema';
import type { InstitutionResolvers } from '../generated/resolvers.ts';

export const Institution: InstitutionResolvers = {
  __resolveReference: async (ref, ctx) => {
    const creditCode = requireCreditCode(ref.creditCode);
    if (!inUnitScope(ctx.viewer, creditCode)) throw forbiddenUnit('creditCode');
    return { creditCode };
  },
  budgetUnit: (ref, _, ctx) => ctx.loaders.budgetUnitByInstitution.load(ref.creditCode),
  payroll: async (ref, args, ctx) => {
    const page = readPage(args.first, args.after, 50);
    const rows = await ctx.loaders.payrollPageByInstitution.load({ parent: ref.creditCode, limit: page.limit, offset: page.offset });
    return connection(rows, page, () => ctx.loaders.payrollCountByInstitution.load(ref.creditCode));
  },
};
