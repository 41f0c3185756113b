import { inUnitScope, requireIdNumber } from '@hub/schema';
import type { FinanceContext } from '../context.ts';

interface PersonRef {
  idNumber: string;
}

export const Person = {
  __resolveReference: async (ref: PersonRef): Promise<PersonRef> => ({ idNumber: requireIdNumber(ref.idNumber).idNumber }),
  payroll: async (p: PersonRef, _: unknown, ctx: FinanceContext) => {
    const record = await ctx.loaders.payrollByIdNumber.load(p.idNumber);
    return record && inUnitScope(ctx.viewer, record.institutionCreditCode) ? record : null;
  },
};
