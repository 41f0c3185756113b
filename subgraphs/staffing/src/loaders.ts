import DataLoader from 'dataloader';
import { columnLoader, manyByKey, oneByKey, pagedLoader } from '@hub/schema';
import * as h from './db/hiringQueries.ts';
import * as q from './db/queries.ts';
import { createRemovalLoaders } from './removalLoaders.ts';
import { createStatsLoaders } from './statsLoaders.ts';

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
    ledgerEntryByIdNumber: columnLoader(
      (columns, ids) => q.ledgerEntriesByIdNumbers(db, columns, ids),
      (r) => r.idNumber,
    ),
    staffingCardsByIdNumber: new DataLoader(async (ids: readonly string[]) => manyByKey(ids, await q.staffingCardsByIdNumbers(db, ids), (r) => r.idNumber)),
    removalsByIdNumber: new DataLoader(async (ids: readonly string[]) => manyByKey(ids, await q.removalsByIdNumbers(db, ids), (r) => r.idNumber)),
    staffingCardByNumber: new DataLoader(async (numbers: readonly string[]) => oneByKey(numbers, await h.staffingCardsByNumbers(db, numbers), (r) => r.number)),
    staffingCardEventsByCardNumber: new DataLoader(async (numbers: readonly string[]) =>
      manyByKey(numbers, await h.staffingCardEventsByCardNumbers(db, numbers), (r) => r.cardNumber),
    ),
    unitFreezesByInstitution: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await h.unitFreezesByInstitutions(db, codes), (r) => r.institutionCreditCode),
    ),
    hiringApplicationById: new DataLoader(async (ids: readonly number[]) => oneByKey(ids, await h.hiringApplicationsByIds(db, ids), (r) => r.id)),
    hiringApprovalByFormNumber: new DataLoader(async (numbers: readonly string[]) =>
      oneByKey(numbers, await h.hiringApprovalsByFormNumbers(db, numbers), (r) => r.approvalFormNumber),
    ),
    hiringApprovalByApplicationId: new DataLoader(async (ids: readonly number[]) =>
      oneByKey(ids, await h.hiringApprovalsByApplicationIds(db, ids), (r) => r.applicationId ?? -1),
    ),
    hiringApprovalUsesByFormNumber: new DataLoader(async (numbers: readonly string[]) =>
      manyByKey(numbers, await h.hiringApprovalUsesByFormNumbers(db, numbers), (r) => r.approvalFormNumber),
    ),
    ...createRemovalLoaders(db),
  };
}

/** The office's loaders with the statistics' (which build on the ones above). */
export function createAllLoaders(db: q.StaffingDb) {
  const base = createLoaders(db);
  return { ...base, ...createStatsLoaders(db, base) };
}

export type Loaders = ReturnType<typeof createAllLoaders>;
