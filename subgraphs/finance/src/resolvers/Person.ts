import { idNumberReference, inUnitScope } from '@hub/schema';
import type { PersonResolvers } from '../generated/resolvers.ts';
import { payrollRecordColumns } from './PayrollRecord.ts';

export const Person: PersonResolvers = {
  __resolveReference: (ref) => idNumberReference(ref),
  payroll: async (p, _, ctx, info) => {
    const record = await ctx.loaders.payrollByIdNumber.load(p.idNumber, payrollRecordColumns(info));
    return record && inUnitScope(ctx.viewer, record.institutionCreditCode) ? record : null;
  },
  stopPayNotices: async (p, _, ctx) =>
    (await ctx.loaders.receivedStopPayNoticesByIdNumber.load(p.idNumber)).filter((n) => inUnitScope(ctx.viewer, n.institutionCreditCode)),
};
