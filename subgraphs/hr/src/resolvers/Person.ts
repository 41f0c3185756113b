import { parseIdNumber, requireIdNumber } from '@hub/schema';
import type { HrContext } from '../context.ts';
import type { PersonRow } from '../db/queries.ts';

function derived(row: PersonRow) {
  const parsed = parseIdNumber(row.idNumber);
  return typeof parsed === 'string' ? null : parsed;
}

export const Person = {
  /** A person HR does not know resolves to null: other offices' copies never invent an identity. */
  __resolveReference: (ref: { idNumber: string }, ctx: HrContext) =>
    ctx.loaders.personByIdNumber.load(requireIdNumber(ref.idNumber).idNumber),
  gender: (row: PersonRow) => derived(row)?.gender,
  birthDate: (row: PersonRow) => derived(row)?.birthDate,
  employment: (row: PersonRow, _: unknown, ctx: HrContext) => ctx.loaders.employmentByIdNumber.load(row.idNumber),
  professionalTitle: (row: PersonRow) => (row.titleName && row.titleLevel ? { name: row.titleName, level: row.titleLevel } : null),
  insurance: (row: PersonRow, _: unknown, ctx: HrContext) => ctx.loaders.insuranceByIdNumber.load(row.idNumber),
};
