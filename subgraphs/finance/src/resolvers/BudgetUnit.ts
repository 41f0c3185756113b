import type { BudgetUnitRow } from '../db/queries.ts';

export const BudgetUnit = {
  institution: (row: BudgetUnitRow) => ({ creditCode: row.institutionCreditCode }),
};
