import type { BudgetUnitResolvers } from '../generated/resolvers.ts';

export const BudgetUnit: BudgetUnitResolvers = {
  institution: (row) => ({ creditCode: row.institutionCreditCode }),
};
