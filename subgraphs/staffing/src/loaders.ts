import DataLoader from 'dataloader';
import { groupPageKeys, manyByKey, oneByKey, pageKeyString, type PageKey } from '@hub/schema';
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
    ledgerPageByInstitution: new DataLoader(
      async (keys: readonly PageKey[]) => {
        const pages = new Map<string, q.LedgerEntryRow[]>();
        for (const g of groupPageKeys(keys)) {
          const rows = await q.ledgerPagesByInstitutions(db, g.parents, g.limit, g.offset);
          manyByKey(g.parents, rows, (r) => r.institutionCreditCode).forEach((list, i) =>
            pages.set(pageKeyString({ parent: g.parents[i]!, limit: g.limit, offset: g.offset }), list),
          );
        }
        return keys.map((k) => pages.get(pageKeyString(k)) ?? []);
      },
      { cacheKeyFn: pageKeyString },
    ),
    ledgerEntryByIdNumber: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await q.ledgerEntriesByIdNumbers(db, ids), (r) => r.idNumber),
    ),
    staffingCardsByIdNumber: new DataLoader(async (ids: readonly string[]) =>
      manyByKey(ids, await q.staffingCardsByIdNumbers(db, ids), (r) => r.idNumber),
    ),
    removalsByIdNumber: new DataLoader(async (ids: readonly string[]) =>
      manyByKey(ids, await q.removalsByIdNumbers(db, ids), (r) => r.idNumber),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
