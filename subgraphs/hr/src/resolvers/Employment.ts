import assert from 'node:assert/strict';
import type { EmploymentResolvers } from '../generated/resolvers.ts';

export const Employment: EmploymentResolvers = {
  /** HR keeps both the employment and the person, so a person missing here is a broken database (an internal error). */
  person: (row, _, ctx) => {
    // A workforce page joined its persons into its own statement: no loader round trip for each row.
    if (row.person !== undefined) return known(row.person);
    return ctx.loaders.personByIdNumber.load(row.idNumber).then(known);
  },
  institution: (row) => ({ creditCode: row.institutionCreditCode }),
};

function known<T>(person: T | null): T {
  assert(person, 'hr: an employment names a person HR has no record of');
  return person;
}
