import type { PayrollRecordRow } from '../db/queries.ts';

export const PayrollRecord = {
  person: (row: PayrollRecordRow) => ({ idNumber: row.idNumber }),
  institution: (row: PayrollRecordRow) => ({ creditCode: row.institutionCreditCode }),
};
