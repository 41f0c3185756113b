import { enqueueMessage } from '@hub/schema';
import type { StaffingCardEventRow } from './hiringQueries.ts';
import type { StaffingCardRow, StaffingDb } from './queries.ts';
import { outboxMessages, staffingCardEvents } from './schema.ts';

/**
 * Records cards just revoked (a removal) in their history as CANCELLED and tells HR and Finance
 * (staffing.staffingCardCancelled), whose copies are the proof of being in quota their procedures
 * cite: Finance then refuses a payroll addition on the card. Call it in the transaction that revokes them.
 */
export async function recordCardCancellations(
  tx: StaffingDb,
  cards: readonly StaffingCardRow[],
  cancellation: { on: string; reason: string; documentNumber: string | null },
  now: Date,
): Promise<StaffingCardEventRow[]> {
  if (!cards.length) return [];
  const events = await tx
    .insert(staffingCardEvents)
    .values(
      cards.map((card) => ({
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
  for (const card of cards) {
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
  return events;
}
