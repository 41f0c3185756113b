import DataLoader from 'dataloader';
import { rules } from './config.ts';
import type { StaffingDb } from './db/queries.ts';
import type { InstitutionRow } from './db/queries.ts';
import { scopeInstitutionRows } from './db/statsQueries.ts';
import { quotaFigures } from './domain/quotaFigures.ts';
import { type QuotaUse, quotaUse } from './domain/quotaUse.ts';
import { parseScopeId } from './domain/scopeId.ts';
import type { createLoaders } from './loaders.ts';

export type InstitutionQuotaUse = QuotaUse & { institution: InstitutionRow };

/**
 * Per-request loaders of the statistics, keyed by scope id: the scope's institutions (one statement
 * per scope) and their quota use and lights (the quotas and the ledger's counts of all of them through
 * the batched loaders by institution: two statements however many institutions), shared by every field
 * of a scope that needs them.
 */
export function createStatsLoaders(db: StaffingDb, base: ReturnType<typeof createLoaders>) {
  const scopeInstitutions = new DataLoader(async (ids: readonly string[]) =>
    Promise.all(
      ids.map(async (id) => {
        const rows = await scopeInstitutionRows(db, parseScopeId(id));
        for (const row of rows) base.institutionByCreditCode.prime(row.creditCode, row);
        return rows;
      }),
    ),
  );
  const quotaUseOf = async (rows: readonly InstitutionRow[], today: string): Promise<InstitutionQuotaUse[]> => {
    const codes = rows.map((r) => r.creditCode);
    const [approved, occupied] = await Promise.all([base.quotasByInstitution.loadMany(codes), base.occupiedByInstitution.loadMany(codes)]);
    return rows.map((institution, i) => {
      const a = approved[i];
      const o = occupied[i];
      if (a instanceof Error) throw a;
      if (o instanceof Error) throw o;
      return {
        institution,
        ...quotaUse(quotaFigures(a!, o!), today, { vacancyPercent: rules.VACANCY_LIGHT_PERCENT, idleMonths: rules.IDLE_VACANCY_MONTHS }),
      };
    });
  };
  return {
    scopeInstitutions,
    /** Quota use of each institution of a scope on a day: keyed by `{ id, today }`. */
    scopeQuotaUse: new DataLoader(
      async (keys: readonly { id: string; today: string }[]) =>
        Promise.all(keys.map(async ({ id, today }) => quotaUseOf(await scopeInstitutions.load(id), today))),
      { cacheKeyFn: ({ id, today }) => `${today} ${id}` },
    ),
    /** Quota use of single institutions on a day (Institution.quotaUse), batched. */
    institutionQuotaUse: new DataLoader(
      async (keys: readonly { institution: InstitutionRow; today: string }[]) => {
        const today = keys[0]!.today;
        return quotaUseOf(
          keys.map((k) => k.institution),
          today,
        );
      },
      { cacheKeyFn: ({ institution, today }) => `${today} ${institution.creditCode}` },
    ),
  };
}
