import { and, count, eq, inArray, or } from 'drizzle-orm';
import type { QuotaCategory } from '../generated/enums.ts';
import { nextVacantSince } from '../domain/vacantSince.ts';
import type { QuotaRow, StaffingDb } from './queries.ts';
import { ledgerEntries, quotas } from './schema.ts';

/** One quota: an institution's approved number of one category. */
export interface QuotaKey {
  institutionCreditCode: string;
  category: QuotaCategory;
}

/** A quota whose vacantSince changed, before and after, for the operation log. */
export interface VacantSinceChange {
  before: QuotaRow;
  after: QuotaRow;
}

/**
 * Keeps `quotas.vacant_since` (空编起始日) true after a write: the ONE function that sets it. Every
 * write that changes a quota's approved or reserved number, or the ledger entries counted against it
 * (hiring approvals and their use or withdrawal, removals, reclaims, allocations, transfers, imports),
 * calls it inside its own transaction, after its change, with every (institution, category) it
 * touched; `today` is the day the change took effect: the write's Beijing day (`beijingDay(ctx.now())`),
 * or the day a removed person left, whose post is vacant from then.
 *
 * It reads each quota's approved and reserved and counts its ledger entries, applies the rule of
 * `nextVacantSince` (domain/vacantSince.ts: a quota that gains a vacancy starts today, one that keeps
 * some keeps its day, a full one has none) and writes only the rows whose day changes. A key without a
 * quota row is skipped (persons on the ledger without approved quota are over quota, never vacant).
 * Callers that locked the quota rows (SELECT … FOR UPDATE) keep them consistent under concurrency.
 * Returns the changed rows; callers add them to their audit records.
 */
export async function syncVacantSince(tx: StaffingDb, keys: readonly QuotaKey[], today: string): Promise<VacantSinceChange[]> {
  if (keys.length === 0) return [];
  const matchKeys = or(...keys.map((k) => and(eq(quotas.institutionCreditCode, k.institutionCreditCode), eq(quotas.category, k.category))));
  const rows = await tx.select().from(quotas).where(matchKeys);
  if (rows.length === 0) return [];
  const codes = [...new Set(rows.map((r) => r.institutionCreditCode))];
  const counted = await tx
    .select({ institutionCreditCode: ledgerEntries.institutionCreditCode, category: ledgerEntries.quotaCategory, occupied: count() })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.institutionCreditCode, codes))
    .groupBy(ledgerEntries.institutionCreditCode, ledgerEntries.quotaCategory);
  const occupied = new Map(counted.map((c) => [`${c.institutionCreditCode}/${c.category}`, Number(c.occupied)]));
  const changes: VacantSinceChange[] = [];
  for (const row of rows) {
    const vacant = row.approved - row.reserved - (occupied.get(`${row.institutionCreditCode}/${row.category}`) ?? 0);
    const vacantSince = nextVacantSince(row.vacantSince, vacant, today);
    if (vacantSince === row.vacantSince) continue;
    const [after] = await tx
      .update(quotas)
      .set({ vacantSince })
      .where(and(eq(quotas.institutionCreditCode, row.institutionCreditCode), eq(quotas.category, row.category)))
      .returning();
    changes.push({ before: row, after: after! });
  }
  return changes;
}
