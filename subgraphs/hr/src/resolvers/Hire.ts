import assert from 'node:assert/strict';
import type { HireResolvers } from '../generated/resolvers.ts';

export const Hire: HireResolvers = {
  /** HR records the person with the hire, so a person missing here is a broken database (an internal error). */
  person: async (row, _, ctx) => {
    const person = await ctx.loaders.personByIdNumber.load(row.idNumber);
    assert(person, 'hr: a hire names a person HR has no record of');
    return person;
  },
  institution: (row) => ({ creditCode: row.institutionCreditCode }),
};
