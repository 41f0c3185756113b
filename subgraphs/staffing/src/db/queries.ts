import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { anyOf, anyOfKeys, preparedByKeys, preparedByKeysOf, windowedPage, type Db } from '@hub/schema';
import type * as tables from './schema.ts';
import { institutions, ledgerEntries, quotas, removals, staffingCards } from './schema.ts';

export type StaffingDb = Db<typeof tables>;
export type InstitutionRow = typeof institutions.$inferSelect;
export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
export type QuotaRow = typeof quotas.$inferSelect;
export type StaffingCardRow = typeof staffingCards.$inferSelect;
export type RemovalRow = typeof removals.$inferSelect;

export interface InstitutionFilter {
  kind?: InstitutionRow['kind'] | null;
  level?: InstitutionRow['level'] | null;
  system?: InstitutionRow['system'] | null;
  parentCreditCode?: string | null;
  /** Only this institution (a unit operator's scope). */
  creditCode?: string | null;
}

// The three statements of an institution's fetch (a Roster's first, which every other fetch waits on), prepared once per database (the kit's preparedByKeys).
export const institutionsByCreditCodes = preparedByKeys('staffing_institutions_by_credit_codes', (db: StaffingDb) =>
  db.select().from(institutions).where(anyOfKeys(institutions.creditCode)),
);

export const quotasByInstitutions = preparedByKeys('staffing_quotas_by_institutions', (db: StaffingDb) =>
  db.select().from(quotas).where(anyOfKeys(quotas.institutionCreditCode)).orderBy(asc(quotas.category)),
);

/** Persons on the ledger per institution and quota category: the 实有数 of each quota. */
export const occupiedByInstitutions = preparedByKeys('staffing_occupied_by_institutions', (db: StaffingDb) =>
  db
    .select({
      institutionCreditCode: ledgerEntries.institutionCreditCode,
      category: ledgerEntries.quotaCategory,
      occupied: count(),
    })
    .from(ledgerEntries)
    .where(anyOfKeys(ledgerEntries.institutionCreditCode))
    .groupBy(ledgerEntries.institutionCreditCode, ledgerEntries.quotaCategory),
);

export const ledgerCountsByInstitutions = (db: StaffingDb, codes: readonly string[]) =>
  db
    .select({ institutionCreditCode: ledgerEntries.institutionCreditCode, total: count() })
    .from(ledgerEntries)
    .where(anyOf(ledgerEntries.institutionCreditCode, codes))
    .groupBy(ledgerEntries.institutionCreditCode);

/** One page of the ledger of several institutions, in one statement. */
export const ledgerPagesByInstitutions = (db: StaffingDb, codes: readonly string[], limit: number, offset: number) =>
  windowedPage(db, ledgerEntries, { parent: ledgerEntries.institutionCreditCode, order: ledgerEntries.idNumber }, codes, limit, offset);

/**
 * Prepared once per database and column set (the kit's preparedByKeysOf): a Roster's `_entities` asks it
 * for 808 persons at once, reading the columns its selection needs (LedgerEntry.ts, ledgerEntryColumns).
 */
export const ledgerEntriesByIdNumbers = preparedByKeysOf('staffing_ledger_entries_by_id_numbers', ledgerEntries, ledgerEntries.idNumber);

export const staffingCardsByIdNumbers = (db: StaffingDb, ids: readonly string[]) =>
  db.select().from(staffingCards).where(anyOf(staffingCards.idNumber, ids)).orderBy(asc(staffingCards.issuedOn));

export const removalsByIdNumbers = (db: StaffingDb, ids: readonly string[]) =>
  db.select().from(removals).where(anyOf(removals.idNumber, ids)).orderBy(asc(removals.effectiveOn));

function institutionWhere(filter: InstitutionFilter): SQL | undefined {
  return and(
    filter.kind ? eq(institutions.kind, filter.kind) : undefined,
    filter.level ? eq(institutions.level, filter.level) : undefined,
    filter.system ? eq(institutions.system, filter.system) : undefined,
    filter.parentCreditCode ? eq(institutions.parentCreditCode, filter.parentCreditCode) : undefined,
    filter.creditCode != null ? eq(institutions.creditCode, filter.creditCode) : undefined,
  );
}

export const listInstitutions = (db: StaffingDb, filter: InstitutionFilter, limit: number, offset: number) =>
  db.select().from(institutions).where(institutionWhere(filter)).orderBy(asc(institutions.creditCode)).limit(limit).offset(offset);

export async function countInstitutions(db: StaffingDb, filter: InstitutionFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(institutions).where(institutionWhere(filter));
  return row?.total ?? 0;
}

export const insertInstitution = (db: StaffingDb, row: typeof institutions.$inferInsert) =>
  db.insert(institutions).values(row).onConflictDoNothing().returning();
