import DataLoader from 'dataloader';
import { manyByKey, oneByKey, pagedLoader } from '@hub/schema';
import * as dq from './db/dynamicQueries.ts';
import * as q from './db/queries.ts';

/** Per-request DataLoaders: every lookup by key is batched into one statement per tick. */
export function createLoaders(db: q.StaffingDb) {
  return {
    institutionByCreditCode: new DataLoader(async (codes: readonly string[]) =>
      oneByKey(codes, await q.institutionsByCreditCodes(db, codes), (r) => r.creditCode),
    ),
    quotasByInstitution: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await q.quotasByInstitutions(db, codes), (r) => r.institutionCreditCode),
    ),
    occupiedByInstitution: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await q.occupiedByInstitutions(db, codes), (r) => r.institutionCreditCode),
    ),
    ledgerCountByInstitution: new DataLoader(async (codes: readonly string[]) =>
      oneByKey(codes, await q.ledgerCountsByInstitutions(db, codes), (r) => r.institutionCreditCode).map((r) => r?.total ?? 0),
    ),
    ledgerPageByInstitution: pagedLoader(
      (codes, page) => q.ledgerPagesByInstitutions(db, codes, page.limit, page.offset),
      (r) => r.institutionCreditCode,
    ),
    ledgerEntryByIdNumber: new DataLoader(async (ids: readonly string[]) => oneByKey(ids, await q.ledgerEntriesByIdNumbers(db, ids), (r) => r.idNumber)),
    staffingCardsByIdNumber: new DataLoader(async (ids: readonly string[]) => manyByKey(ids, await q.staffingCardsByIdNumbers(db, ids), (r) => r.idNumber)),
    cardEventsByCardNumber: new DataLoader(async (numbers: readonly string[]) =>
      manyByKey(numbers, await dq.cardEventsByCardNumbers(db, numbers), (r) => r.cardNumber),
    ),
    removalsByIdNumber: new DataLoader(async (ids: readonly string[]) => manyByKey(ids, await q.removalsByIdNumbers(db, ids), (r) => r.idNumber)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
