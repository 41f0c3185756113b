import type { MessageHandler } from '@hub/schema';
import type { MessagePayloads } from '@hub/schema/contracts';
import type { FinanceDb } from '../db/queries.ts';
import { staffingCards } from '../db/schema.ts';

/** staffing.staffingCardIssued → Finance keeps the card: an in-quota payroll addition must cite it (addToPayroll). */
export const staffingCardIssued: MessageHandler<FinanceDb> = async (tx, message) => {
  const p = message.payload as MessagePayloads['staffing.staffingCardIssued'];
  const [card] = await tx
    .insert(staffingCards)
    .values({
      number: p.cardNumber,
      idNumber: p.idNumber,
      institutionCreditCode: p.institutionCreditCode,
      category: p.category,
      issuedOn: p.issuedOn,
      status: 'ACTIVE',
    })
    .onConflictDoNothing()
    .returning();
  if (!card) return { result: { status: 'KNOWN' } };
  return { result: { status: 'RECORDED' }, audit: [{ entity: 'StaffingCardCopy', key: p.cardNumber, before: null, after: card }] };
};
