import type { StaffingContext } from '../context.ts';
import type { RemovalRow } from '../db/queries.ts';

export const Removal = {
  person: (row: RemovalRow) => ({ idNumber: row.idNumber }),
  institution: (row: RemovalRow, _: unknown, ctx: StaffingContext) => ctx.loaders.institutionByCreditCode.load(row.institutionCreditCode),
};
