import DataLoader from 'dataloader';
import { oneByKey } from '@hub/schema';
import type { StaffingDb } from './db/queries.ts';
import { latestReportedMonthsByInstitutions, monthlyRemovalReportsByKeys } from './db/removalReportQueries.ts';
import { stopPayNoticesByNumbers, stopPayNoticesByRemovalIds } from './db/removalQueries.ts';

export const removalReportKey = (institutionCreditCode: string, month: string) => `${institutionCreditCode}|${month}`;

/** The per-request loaders of removals' stop-pay notices and units' monthly reports (spread into createLoaders). */
export function createRemovalLoaders(db: StaffingDb) {
  return {
    stopPayNoticeByRemovalId: new DataLoader(async (ids: readonly number[]) => oneByKey(ids, await stopPayNoticesByRemovalIds(db, ids), (r) => r.removalId)),
    stopPayNoticeByNumber: new DataLoader(async (numbers: readonly string[]) => oneByKey(numbers, await stopPayNoticesByNumbers(db, numbers), (r) => r.number)),
    /** Keyed `creditCode|YYYY-MM`. */
    removalReportByUnitMonth: new DataLoader(async (keys: readonly string[]) => {
      const parsed = keys.map((k) => ({ institutionCreditCode: k.slice(0, k.indexOf('|')), month: k.slice(k.indexOf('|') + 1) }));
      return oneByKey(keys, await monthlyRemovalReportsByKeys(db, parsed), (r) => removalReportKey(r.institutionCreditCode, r.month));
    }),
    latestReportedMonthByInstitution: new DataLoader(async (codes: readonly string[]) =>
      oneByKey(codes, await latestReportedMonthsByInstitutions(db, codes), (r) => r.institutionCreditCode).map((r) => r?.month ?? null),
    ),
  };
}
