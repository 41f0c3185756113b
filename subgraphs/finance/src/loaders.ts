import DataLoader from 'dataloader';
import { columnLoader, manyByKey, oneByKey, pagedLoader } from '@hub/schema';
import * as q from './db/queries.ts';
import { receivedNoticesByIdNumbers } from './db/stopPayQueries.ts';

/** Per-request DataLoaders: every lookup by key is batched into one statement per tick. */
export function createLoaders(db: q.FinanceDb) {
  return {
    budgetUnitByInstitution: new DataLoader(async (codes: readonly string[]) =>
      oneByKey(codes, await q.budgetUnitsByInstitutions(db, codes), (r) => r.institutionCreditCode),
    ),
    budgetUnitByCode: new DataLoader(async (codes: readonly string[]) => oneByKey(codes, await q.budgetUnitsByCodes(db, codes), (r) => r.code)),
    payrollByIdNumber: columnLoader(
      (columns, ids) => q.payrollRecordsByIdNumbers(db, columns, ids),
      (r) => r.idNumber,
    ),
    payrollCountByInstitution: new DataLoader(async (codes: readonly string[]) =>
      oneByKey(codes, await q.payrollCountsByInstitutions(db, codes), (r) => r.institutionCreditCode).map((r) => r?.total ?? 0),
    ),
    payrollPageByInstitution: pagedLoader(
      (codes, page) => q.payrollPagesByInstitutions(db, codes, page.limit, page.offset),
      (r) => r.institutionCreditCode,
    ),
    receivedStopPayNoticesByIdNumber: new DataLoader(async (ids: readonly string[]) =>
      manyByKey(ids, await receivedNoticesByIdNumbers(db, ids), (r) => r.idNumber),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
