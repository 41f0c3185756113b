import { eq } from 'drizzle-orm';
import type { MessageHandler } from '@hub/schema';
import type { MessagePayloads } from '@hub/schema/contracts';
import type { HrDb } from '../db/queries.ts';
import { staffingCards } from '../db/schema.ts';

/** staffing.staffingCardCancelled → HR's copy of the card is no longer the proof of being in quota. */
export const staffingCardCancelled: MessageHandler<HrDb> = async (tx, message) => {
  const p = message.payload as MessagePayloads['staffing.staffingCardCancelled'];
  const where = eq(staffingCards.number, p.cardNumber);
  const [before] = await tx.select().from(staffingCards).where(where).for('update');
  if (!before) return { result: { status: 'UNKNOWN_CARD' } };
  const [after] = await tx.update(staffingCards).set({ status: 'CANCELLED', cancelledOn: p.cancelledOn }).where(where).returning();
  return { result: { status: 'CANCELLED' }, audit: [{ entity: 'StaffingCardCopy', key: p.cardNumber, before, after }] };
};
