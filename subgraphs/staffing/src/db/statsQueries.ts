import { ageBandSql, genderSql, inScopeSql } from '@hub/schema';
import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ScopeConditions } from '../domain/scopeId.ts';
import type { LedgerDimension } from '../generated/enums.ts';
import type { StaffingDb } from './queries.ts';
import { institutions, ledgerEntries } from './schema.ts';

/** The institutions a scope's conditions select, by credit code. */
export const scopeInstitutionRows = (db: StaffingDb, c: ScopeConditions) => {
  const where: SQL[] = [];
  if (c.level) where.push(eq(institutions.level, c.level));
  if (c.kind) where.push(eq(institutions.kind, c.kind));
  if (c.system) where.push(eq(institutions.system, c.system));
  if (c.fundingForms.length) where.push(inArray(institutions.fundingForm, c.fundingForms));
  if (c.creditCode) where.push(eq(institutions.creditCode, c.creditCode));
  return db
    .select()
    .from(institutions)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(institutions.creditCode));
};

/** The SQL of one dimension of the ledger, on `asOf` for ages. */
function ledgerDimensionSql(dimension: LedgerDimension, asOf: string): SQL {
  switch (dimension) {
    case 'QUOTA_CATEGORY':
      return sql`${ledgerEntries.quotaCategory}`;
    case 'POLITICAL_STATUS':
      return sql`nullif(${ledgerEntries.politicalStatus}, '')`;
    case 'GENDER':
      return genderSql(ledgerEntries.idNumber);
    case 'AGE_BAND':
      return ageBandSql(ledgerEntries.idNumber, asOf);
  }
}

/** Persons on the ledger of the scope's institutions per value of one or two dimensions: one GROUP BY, no person read. */
export function ledgerStructureRows(db: StaffingDb, creditCodes: readonly string[], dimension: LedgerDimension, by: LedgerDimension | null, asOf: string) {
  const first = ledgerDimensionSql(dimension, asOf);
  const second = by ? ledgerDimensionSql(by, asOf) : sql`null::text`;
  return db
    .select({ value: sql<string | null>`${first}`.as('value'), byValue: sql<string | null>`${second}`.as('by_value'), count: count() })
    .from(ledgerEntries)
    .where(inScopeSql(ledgerEntries.institutionCreditCode, creditCodes))
    .groupBy(sql`1`, sql`2`);
}
