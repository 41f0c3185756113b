import { forbiddenUnit, inUnitScope, parseIdNumber, requireIdNumber, unitScope } from '@hub/schema';
import type { HrContext } from '../context.ts';
import type { PersonRow } from '../db/queries.ts';

function derived(row: PersonRow) {
  const parsed = parseIdNumber(row.idNumber);
  return typeof parsed === 'string' ? null : parsed;
}

export const Person = {
  /** A person HR does not know resolves to null: other offices' copies never invent an identity. */
  __resolveReference: async (ref: { idNumber: string }, ctx: HrContext) => {
    const { idNumber } = requireIdNumber(ref.idNumber);
    if (unitScope(ctx.viewer) !== null && !inUnitScope(ctx.viewer, (await ctx.loaders.employmentByIdNumber.load(idNumber))?.institutionCreditCode)) {
      throw forbiddenUnit('idNumber');
    }
    return ctx.loaders.personByIdNumber.load(idNumber);
  },
  gender: (row: PersonRow) => derived(row)?.gender,
  birthDate: (row: PersonRow) => derived(row)?.birthDate,
  employment: (row: PersonRow, _: unknown, ctx: HrContext) => ctx.loaders.employmentByIdNumber.load(row.idNumber),
  professionalTitle: (row: PersonRow) => (row.titleName && row.titleLevel ? { name: row.titleName, level: row.titleLevel } : null),
  insurance: (row: PersonRow, _: unknown, ctx: HrContext) => ctx.loaders.insuranceByIdNumber.load(row.idNumber),
};
