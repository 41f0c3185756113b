import type { CadreResolvers } from '../generated/resolvers.ts';

export const Cadre: CadreResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
  institution: (row) => ({ creditCode: row.institutionCreditCode }),
};
