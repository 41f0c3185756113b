import { requireIdNumber } from '@hub/schema';
import type { FinanceContext } from '../context.ts';

interface PersonRef {
  idNumber: string;
}

export const Person = {
  __resolveReference: (ref: PersonRef): PersonRef => ({ idNumber: requireIdNumber(ref.idNumber).idNumber }),
  payroll: (p: PersonRef, _: unknown, ctx: FinanceContext) => ctx.loaders.payrollByIdNumber.load(p.idNumber),
};
