import { selectedColumns } from '@hub/schema';
import { payrollRecords } from '../db/schema.ts';
import type { PayrollRecordResolvers } from '../generated/resolvers.ts';

/** The payroll's columns a PayrollRecord selection reads (the kit's selectedColumns): what each resolver below reads, beside the key and the unit the scope checks. */
export const payrollRecordColumns = selectedColumns(payrollRecords, {
  always: ['idNumber', 'institutionCreditCode'],
  resolved: { person: ['idNumber'], institution: ['institutionCreditCode'] },
});

export const PayrollRecord: PayrollRecordResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
  institution: (row) => ({ creditCode: row.institutionCreditCode }),
};
