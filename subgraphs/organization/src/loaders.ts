import DataLoader from 'dataloader';
import { manyByKey, oneByKey } from '@hub/schema';
import * as lq from './db/leadershipQueries.ts';
import * as q from './db/queries.ts';

/** Per-request DataLoaders: every lookup by key is batched into one statement per tick. */
export function createLoaders(db: q.OrganizationDb) {
  return {
    cadreByIdNumber: new DataLoader(async (ids: readonly string[]) => oneByKey(ids, await q.cadresByIdNumbers(db, ids), (r) => r.idNumber)),
    cadresByInstitution: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await q.cadresByInstitutions(db, codes), (r) => r.institutionCreditCode),
    ),
    pastLeadershipPostsByInstitution: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await lq.pastLeadershipPostsByInstitutions(db, codes), (r) => r.institutionCreditCode),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
