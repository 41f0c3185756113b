import DataLoader from 'dataloader';
import { groupPageKeys, manyByKey, oneByKey, pageKeyString, type PageKey } from '@hub/schema';
import * as q from './db/queries.ts';

/** Per-request DataLoaders: every lookup by key is batched into one statement per tick. */
export function createLoaders(db: q.FinanceDb) {
  return {
    budgetUnitByInstitution: new DataLoader(async (codes: readonly string[]) =>
      oneByKey(codes, await q.budgetUnitsByInstitutions(db, codes), (r) => r.institutionCreditCode),
    ),
    budgetUnitByCode: new DataLoader(async (codes: readonly string[]) =>
      oneByKey(codes, await q.budgetUnitsByCodes(db, codes), (r) => r.code),
    ),
    payrollByIdNumber: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await q.payrollRecordsByIdNumbers(db, ids), (r) => r.idNumber),
    ),
    payrollCountByInstitution: new DataLoader(async (codes: readonly string[]) =>
      oneByKey(codes, await q.payrollCountsByInstitutions(db, codes), (r) => r.institutionCreditCode).map((r) => r?.total ?? 0),
    ),
    payrollPageByInstitution: new DataLoader(
      async (keys: readonly PageKey[]) => {
        const pages = new Map<string, q.PayrollRecordRow[]>();
        for (const g of groupPageKeys(keys)) {
          const rows = await q.payrollPagesByInstitutions(db, g.parents, g.limit, g.offset);
          manyByKey(g.parents, rows, (r) => r.institutionCreditCode).forEach((list, i) =>
            pages.set(pageKeyString({ parent: g.parents[i]!, limit: g.limit, offset: g.offset }), list),
          );
        }
        return keys.map((k) => pages.get(pageKeyString(k)) ?? []);
      },
      { cacheKeyFn: pageKeyString },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
