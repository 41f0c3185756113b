import { connection, forbiddenUnit, inUnitScope, readPage, requireCreditCode } from '@hub/schema';
import type { FinanceContext } from '../context.ts';

interface InstitutionRef {
  creditCode: string;
}

export const Institution = {
  __resolveReference: async (ref: InstitutionRef, ctx: FinanceContext): Promise<InstitutionRef> => {
    const creditCode = requireCreditCode(ref.creditCode);
    if (!inUnitScope(ctx.viewer, creditCode)) throw forbiddenUnit('creditCode');
    return { creditCode };
  },
  budgetUnit: (ref: InstitutionRef, _: unknown, ctx: FinanceContext) => ctx.loaders.budgetUnitByInstitution.load(ref.creditCode),
  payroll: async (ref: InstitutionRef, args: { first?: number | null; after?: string | null }, ctx: FinanceContext) => {
    const page = readPage(args.first, args.after, 50);
    const rows = await ctx.loaders.payrollPageByInstitution.load({ parent: ref.creditCode, limit: page.limit, offset: page.offset });
    return connection(rows, page, () => ctx.loaders.payrollCountByInstitution.load(ref.creditCode));
  },
};
