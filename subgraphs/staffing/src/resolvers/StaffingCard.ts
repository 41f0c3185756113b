import type { StaffingContext } from '../context.ts';
import type { StaffingCardRow } from '../db/queries.ts';

export const StaffingCard = {
  person: (row: StaffingCardRow) => ({ idNumber: row.idNumber }),
  institution: (row: StaffingCardRow, _: unknown, ctx: StaffingContext) => ctx.loaders.institutionByCreditCode.load(row.institutionCreditCode),
};
