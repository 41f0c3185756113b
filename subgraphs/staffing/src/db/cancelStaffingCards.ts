import { and, eq } from 'drizzle-orm';
import { enqueueMessage } from '@hub/schema';
import type { StaffingCardEventRow } from './hiringQueries.ts';
import type { StaffingCardRow, StaffingDb } from './queries.ts';
import { outboxMessages, staffingCardEvents, staffingCards } from './schema.ts';

/** Why and under which document a person's cards are cancelled (the card's history keeps both). */
export interface CardCancellation {
  idNumber: string;
  institutionCreditCode: string;
  /** What cancels them: a removal (人员核减) today, with its reason (RETIREMENT …). */
  cause: 'REMOVAL';
  reason: string;
  /** The document it is done under (the stop-pay notice number of a removal). */
  documentNumber: string;
  on: string;
}

export interface CardsCancelled {
  before: StaffingCardRow[];
  after: StaffingCardRow[];
  events: StaffingCardEventRow[];
}

/**
 * 注销编制卡: the person's active cards of that unit are cancelled, inside the caller's transaction,
 * each with a CANCELLED row in its history naming the document, the day and the reason, and HR and
 * Finance are told (staffing.staffingCardCancelled): their copies are the proof of being in quota their
 * procedures cite, so Finance then refuses a payroll addition on the card. The one place a card is
 * cancelled. Returns the cards before and after and the history rows, for the operation log.
 */
export async function cancelStaffingCards(tx: StaffingDb, cancellation: CardCancellation, now: Date): Promise<CardsCancelled> {
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
        kind: 'CANCELLED' as const,
        on: cancellation.on,
        documentNumber: cancellation.documentNumber,
        institutionCreditCode: card.institutionCreditCode,
        note: cancellation.reason,
        at: now,
      })),
    )
    .returning();
  for (const card of after) {
    await enqueueMessage(
      tx,
      outboxMessages,
      'staffing.staffingCardCancelled',
      {
        cardNumber: card.number,
        idNumber: card.idNumber,
        institutionCreditCode: card.institutionCreditCode,
        cancelledOn: cancellation.on,
        reason: cancellation.reason,
        documentNumber: cancellation.documentNumber,
      },
      now,
    );
  }
  return { before, after, events };
}
