import { and, count, eq, sql } from 'drizzle-orm';
import type { QuotaRow, StaffingDb } from './queries.ts';
import { ledgerEntries, quotas } from './schema.ts';
import { type QuotaKey, syncVacantSince } from './syncVacantSince.ts';

export type { QuotaKey };

/** A quota row locked for the caller's transaction (FOR UPDATE), with its 实有数 counted from the ledger under that lock. */
export interface LockedQuota {
  row: QuotaRow | null;
  occupied: number;
}

/**
 * Locks one quota row (SELECT … FOR UPDATE) and counts the persons on the ledger in its category. Every
 * write of hiring that reads or changes a quota's use takes this lock first, so two approvals racing
 * for the last vacancy run one after the other: the second sees the first's reservation.
 */
export async function lockQuota(tx: StaffingDb, key: QuotaKey): Promise<LockedQuota> {
  const [row] = await tx
    .select()
    .from(quotas)
    .where(and(eq(quotas.institutionCreditCode, key.institutionCreditCode), eq(quotas.category, key.category)))
    .for('update');
  const [occupied] = await tx
    .select({ n: count() })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.institutionCreditCode, key.institutionCreditCode), eq(ledgerEntries.quotaCategory, key.category)));
  return { row: row ?? null, occupied: Number(occupied?.n ?? 0) };
}

/**
 * The one place hiring changes a quota's use (approved − occupied − reserved): an approval reserves
 * (+n), a withdrawal releases (−n), a hire entered on the ledger turns one reservation into an
 * occupied place (−1, the ledger entry written in the same transaction). The caller holds the row's
 * lock (lockQuota). The vacancy's idle-since date (动态管理) follows here, dated `today`: an approval
 * that fills the last vacancy clears it, a withdrawal that frees one starts it.
 */
export async function changeReservation(tx: StaffingDb, locked: QuotaRow, delta: number, today: string): Promise<QuotaRow> {
  const [after] = await tx
    .update(quotas)
    .set({ reserved: sql`${quotas.reserved} + ${delta}` })
    .where(and(eq(quotas.institutionCreditCode, locked.institutionCreditCode), eq(quotas.category, locked.category)))
    .returning();
  const [synced] = await syncVacantSince(tx, [locked], today);
  return synced?.after ?? after!;
}
