import { forbiddenUnit, inUnitScope, type ParsedIdNumber, parseStoredIdNumber, requireIdNumber, selectedColumns, unitScope } from '@hub/schema';
import { persons } from '../db/schema.ts';
import type { PersonRow } from '../db/queries.ts';
import type { PersonResolvers } from '../generated/resolvers.ts';

/** Gender and birth date read off a row's ID number, parsed once for both fields (a Roster asks both of every person). */
function derived(row: PersonRow): ParsedIdNumber | null {
  const parsed = parseStoredIdNumber(row.idNumber);
  return typeof parsed === 'string' ? null : parsed;
}

/** The persons' columns a selection reads (the kit's selectedColumns): what each resolver below reads, beside the key. */
const personRule = {
  always: ['idNumber'],
  resolved: {
    gender: ['idNumber'],
    birthDate: ['idNumber'],
    employment: ['idNumber'],
    professionalTitle: ['titleName', 'titleLevel'],
    insurance: ['idNumber'],
    hires: ['idNumber'],
  },
} as const;

/** … of the persons on a page of a workforce (`workforce { nodes { person { … } } }`), joined into the page's statement. */
export const personColumnsOfPage = selectedColumns(persons, personRule, ['nodes', 'person']);

export const Person: PersonResolvers = {
  /** A person HR does not know resolves to null: other offices' copies never invent an identity. */
  __resolveReference: async (ref, ctx) => {
    const { idNumber } = requireIdNumber(ref.idNumber);
    if (unitScope(ctx.viewer) !== null && !inUnitScope(ctx.viewer, (await ctx.loaders.employmentByIdNumber.load(idNumber))?.institutionCreditCode)) {
      throw forbiddenUnit('idNumber');
    }
    return ctx.loaders.personByIdNumber.load(idNumber);
  },
  gender: (row) => derived(row)?.gender ?? null,
  birthDate: (row) => derived(row)?.birthDate ?? null,
  employment: (row, _, ctx) => ctx.loaders.employmentByIdNumber.load(row.idNumber),
  professionalTitle: (row) => (row.titleName && row.titleLevel ? { name: row.titleName, level: row.titleLevel } : null),
  insurance: (row, _, ctx) => ctx.loaders.insuranceByIdNumber.load(row.idNumber),
  // A unit operator sees only its own unit's hires.
  hires: async (row, _, ctx) => (await ctx.loaders.hiresByIdNumber.load(row.idNumber)).filter((h) => inUnitScope(ctx.viewer, h.institutionCreditCode)),
};
