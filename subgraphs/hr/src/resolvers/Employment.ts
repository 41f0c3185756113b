import assert from 'node:assert/strict';
import type { EmploymentResolvers } from '../generated/resolvers.ts';

export const Employment: EmploymentResolvers = {
  /** HR keeps both the employment and the person, so a person missing here is a broken database (an internal error). */
  person: async (row, _, ctx) => {
    const person = await ctx.loaders.personByIdNumber.load(row.idNumber);
    assert(person, 'hr: an employment names a person HR has no record of');
    return person;
  },
  institution: (row) => ({ creditCode: row.institutionCreditCode }),
};
