import DataLoader from 'dataloader';
import { columnLoader, manyByKey } from '@hub/schema';
import * as lq from './db/leadershipQueries.ts';
import * as q from './db/queries.ts';

/** Per-request DataLoaders: every lookup by key is batched into one statement per tick. */
export function createLoaders(db: q.OrganizationDb) {
  return {
    cadreByIdNumber: columnLoader(
      (columns, ids) => q.cadresByIdNumbers(db, columns, ids),
      (r) => r.idNumber,
    ),
    cadresByInstitution: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await q.cadresByInstitutions(db, codes), (r) => r.institutionCreditCode),
    ),
    pastLeadershipPostsByInstitution: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await lq.pastLeadershipPostsByInstitutions(db, codes), (r) => r.institutionCreditCode),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
