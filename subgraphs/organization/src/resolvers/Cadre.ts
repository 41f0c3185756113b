import type { CadreRow } from '../db/queries.ts';

export const Cadre = {
  person: (row: CadreRow) => ({ idNumber: row.idNumber }),
  institution: (row: CadreRow) => ({ creditCode: row.institutionCreditCode }),
};
