import type { PastCadrePostResolvers } from '../generated/resolvers.ts';

export const PastCadrePost: PastCadrePostResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
  institution: (row) => ({ creditCode: row.institutionCreditCode }),
};
