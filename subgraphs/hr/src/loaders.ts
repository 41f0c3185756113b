import DataLoader from 'dataloader';
import { manyByKey, oneByKey, pagedLoader } from '@hub/schema';
import * as q from './db/queries.ts';
import type { EmploymentType } from './generated/enums.ts';

/** Per-request DataLoaders: every lookup by key is batched into one statement per tick. */
export function createLoaders(db: q.HrDb) {
  return {
    personByIdNumber: new DataLoader(async (ids: readonly string[]) => oneByKey(ids, await q.personsByIdNumbers(db, ids), (r) => r.idNumber)),
    employmentByIdNumber: new DataLoader(async (ids: readonly string[]) => oneByKey(ids, await q.employmentsByIdNumbers(db, ids), (r) => r.idNumber)),
    insuranceByIdNumber: new DataLoader(async (ids: readonly string[]) => oneByKey(ids, await q.insurancesByIdNumbers(db, ids), (r) => r.idNumber)),
    hiresByIdNumber: new DataLoader(async (ids: readonly string[]) => manyByKey(ids, await q.hiresByIdNumbers(db, ids), (r) => r.idNumber)),
    workforceCountsByInstitution: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await q.workforceCountsByInstitutions(db, codes), (r) => r.institutionCreditCode),
    ),
    /** Pages of workforce; the key's `filter` is the employment type, if any. */
    workforcePageByInstitution: pagedLoader(
      (codes, page) => q.workforcePagesByInstitutions(db, codes, (page.filter as EmploymentType | undefined) ?? null, page.limit, page.offset, page.columns),
      (r) => r.institutionCreditCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
