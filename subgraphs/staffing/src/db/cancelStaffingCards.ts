import { and, eq } from 'drizzle-orm';
import type { StaffingCardRow, StaffingDb } from './queries.ts';
import { staffingCardEvents, staffingCards } from './schema.ts';

/** Why and under which document a person's cards are cancelled (the card's history keeps both). */
export interface CardCancellation {
  idNumber: string;
  institutionCreditCode: string;
  /** What cancels them: a removal (人员核减) today. */
  cause: 'REMOVAL';
  /** The document it is done under (the stop-pay notice number of a removal). */
  documentNumber: string;
  on: string;
}

export interface CardsCancelled {
  before: StaffingCardRow[];
  after: StaffingCardRow[];
  events: (typeof staffingCardEvents.$inferSelect)[];
}

/**
 * 注销编制卡: the person's active cards of that unit are cancelled, inside the caller's transaction,
 * each with a REVOKED row in its history naming the document and the day. The one place a card is
 * cancelled. Returns the cards before and after and the history rows, for the operation log.
 */
export async function cancelStaffingCards(tx: StaffingDb, cancellation: CardCancellation): Promise<CardsCancelled> {
  const active = and(
    eq(staffingCards.idNumber, cancellation.idNumber),
    eq(staffingCards.institutionCreditCode, cancellation.institutionCreditCode),
    eq(staffingCards.status, 'ACTIVE'),
  );
  const before = await tx.select().from(staffingCards).where(active).for('update');
  if (!before.length) return { before, after: [], events: [] };
  const after = await tx.update(staffingCards).set({ status: 'REVOKED' }).where(active).returning();
  const events = await tx
    .insert(staffingCardEvents)
    .values(
      after.map((card) => ({
        cardNumber: card.number,
        kind: 'REVOKED' as const,
        on: cancellation.on,
        documentNumber: cancellation.documentNumber,
        fromCreditCode: cancellation.institutionCreditCode,
        toCreditCode: null,
      })),
    )
    .returning();
  return { before, after, events };
}
