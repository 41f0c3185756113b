import { and, eq } from 'drizzle-orm';
import type { MessageHandler } from '@hub/schema';
import type { MessagePayloads } from '@hub/schema/contracts';
import type { HrDb } from '../db/queries.ts';
import { hires, staffingCards } from '../db/schema.ts';
import type { QuotaCategory } from '../generated/enums.ts';

/** staffing.staffingCardIssued → HR keeps the card, the proof of being in quota, and notes it on the hire it answers. */
export const staffingCardIssued: MessageHandler<HrDb> = async (tx, message) => {
  const p = message.payload as MessagePayloads['staffing.staffingCardIssued'];
  const [card] = await tx
    .insert(staffingCards)
    .values({
      number: p.cardNumber,
      idNumber: p.idNumber,
      institutionCreditCode: p.institutionCreditCode,
      category: p.category as QuotaCategory,
      issuedOn: p.issuedOn,
      approvalFormNumber: p.approvalFormNumber,
      status: 'ACTIVE',
    })
    .onConflictDoNothing()
    .returning();
  if (!card) return { result: { status: 'KNOWN' } };
  const hire = p.approvalFormNumber
    ? await tx
        .update(hires)
        .set({ staffingCardNumber: p.cardNumber })
        .where(and(eq(hires.approvalFormNumber, p.approvalFormNumber), eq(hires.idNumber, p.idNumber)))
        .returning()
    : [];
  return {
    result: { status: 'RECORDED' },
    audit: [
      { entity: 'StaffingCardCopy', key: p.cardNumber, before: null, after: card },
      ...hire.map((after) => ({ entity: 'Hire', key: String(after.id), before: { ...after, staffingCardNumber: null }, after })),
    ],
  };
};
