import type { PayrollRecordResolvers } from '../generated/resolvers.ts';

export const PayrollRecord: PayrollRecordResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
  institution: (row) => ({ creditCode: row.institutionCreditCode }),
};
