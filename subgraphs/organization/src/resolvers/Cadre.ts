import { selectedColumns } from '@hub/schema';
import { cadres } from '../db/schema.ts';
import type { CadreResolvers } from '../generated/resolvers.ts';

/** The cadres' columns a Cadre selection reads (the kit's selectedColumns): what each resolver below reads, beside the key and the unit the scope checks. */
export const cadreColumns = selectedColumns(cadres, {
  always: ['idNumber', 'institutionCreditCode'],
  resolved: { person: ['idNumber'], institution: ['institutionCreditCode'] },
});

export const Cadre: CadreResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
  institution: (row) => ({ creditCode: row.institutionCreditCode }),
};
