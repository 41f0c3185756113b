import { and, eq } from 'drizzle-orm';
import type { StaffingCardRow, StaffingDb } from './queries.ts';
import { staffingCards } from './schema.ts';

/** Why and under which document a person's cards are cancelled (the card history will keep both). */
export interface CardCancellation {
  idNumber: string;
  institutionCreditCode: string;
  /** What cancels them: a removal (人员核减) today. */
  cause: 'REMOVAL';
  /** The document it is done under (the stop-pay notice number of a removal). */
  documentNumber: string;
  on: string;
}

/**
 * 注销编制卡: the person's active cards of that unit are cancelled, inside the caller's transaction.
 * The one place a card is cancelled, so the card's history can be written here too. Returns the cards
 * before and after, for the operation log.
 */
export async function cancelStaffingCards(tx: StaffingDb, cancellation: CardCancellation): Promise<{ before: StaffingCardRow[]; after: StaffingCardRow[] }> {
  const active = and(
    eq(staffingCards.idNumber, cancellation.idNumber),
    eq(staffingCards.institutionCreditCode, cancellation.institutionCreditCode),
    eq(staffingCards.status, 'ACTIVE'),
  );
  const before = await tx.select().from(staffingCards).where(active).for('update');
  const after = before.length ? await tx.update(staffingCards).set({ status: 'REVOKED' }).where(active).returning() : [];
  return { before, after };
}
