import DataLoader from 'dataloader';
import { manyByKey, oneByKey, type PageKey } from '@hub/schema';
import * as q from './db/queries.ts';
import type { EmploymentType } from './domain/enums.ts';

export interface WorkforcePageKey extends PageKey {
  type: EmploymentType | null;
}

const workforceKey = (k: WorkforcePageKey) => `${k.parent}|${k.type ?? ''}|${k.limit}|${k.offset}`;

/** Per-request DataLoaders: every lookup by key is batched into one statement per tick. */
export function createLoaders(db: q.HrDb) {
  return {
    personByIdNumber: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await q.personsByIdNumbers(db, ids), (r) => r.idNumber),
    ),
    employmentByIdNumber: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await q.employmentsByIdNumbers(db, ids), (r) => r.idNumber),
    ),
    insuranceByIdNumber: new DataLoader(async (ids: readonly string[]) =>
      oneByKey(ids, await q.insurancesByIdNumbers(db, ids), (r) => r.idNumber),
    ),
    workforceCountsByInstitution: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await q.workforceCountsByInstitutions(db, codes), (r) => r.institutionCreditCode),
    ),
    workforcePageByInstitution: new DataLoader(
      async (keys: readonly WorkforcePageKey[]) => {
        const groups = new Map<string, WorkforcePageKey[]>();
        for (const k of keys) {
          const id = `${k.type ?? ''}|${k.limit}|${k.offset}`;
          groups.set(id, [...(groups.get(id) ?? []), k]);
        }
        const pages = new Map<string, q.EmploymentRow[]>();
        for (const group of groups.values()) {
          const { type, limit, offset } = group[0]!;
          const parents = group.map((k) => k.parent);
          const rows = await q.workforcePagesByInstitutions(db, parents, type, limit, offset);
          manyByKey(parents, rows, (r) => r.institutionCreditCode).forEach((list, i) => pages.set(workforceKey(group[i]!), list));
        }
        return keys.map((k) => pages.get(workforceKey(k)) ?? []);
      },
      { cacheKeyFn: workforceKey },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
