import type { HrContext } from '../context.ts';
import type { EmploymentRow } from '../db/queries.ts';

export const Employment = {
  person: (row: EmploymentRow, _: unknown, ctx: HrContext) => ctx.loaders.personByIdNumber.load(row.idNumber),
  institution: (row: EmploymentRow) => ({ creditCode: row.institutionCreditCode }),
};
