import { isCalendarDate, type MessageHandler, parseIdNumber } from '@hub/schema';
import type { MessagePayloads } from '@hub/schema/contracts';
import { enterHire } from '../db/enterHire.ts';
import type { StaffingDb } from '../db/queries.ts';

type Hire = MessagePayloads['hr.hireRecorded'];

const TEXT_FIELDS = ['approvalFormNumber', 'name', 'ethnicity', 'nativePlace', 'politicalStatus', 'post'] as const;

/** A payload the ledger can hold: HR checked it, so one that is not is HR's bug, answered REJECTED rather than retried for ever. */
function wellFormed(payload: unknown): payload is Hire {
  const p = payload as Partial<Record<keyof Hire, unknown>> | null;
  return (
    !!p &&
    typeof p.idNumber === 'string' &&
    typeof parseIdNumber(p.idNumber) !== 'string' &&
    TEXT_FIELDS.every((f) => typeof p[f] === 'string' && (p[f] as string).length > 0 && (p[f] as string).length <= 200) &&
    isCalendarDate(p.workStartDate) &&
    isCalendarDate(p.unitJoinDate)
  );
}

/**
 * hr.hireRecorded → 入编 (README, "Hiring against quota"): the person goes on the ledger with a new
 * staffing card, or the use is recorded refused with the rule broken; the answer tells HR which.
 */
export const hireRecorded: MessageHandler<StaffingDb> = async (tx, message, now) => {
  if (!wellFormed(message.payload)) return { result: { status: 'REJECTED', reason: 'MALFORMED_PAYLOAD' } };
  const entry = await enterHire(tx, message.payload, now);
  switch (entry.outcome) {
    case 'ENTERED':
      return { result: { status: 'ENTERED', staffingCardNumber: entry.cardNumber }, audit: entry.audit };
    case 'REFUSED':
      return { result: { status: 'REFUSED', code: entry.code }, audit: entry.audit };
    case 'ALREADY_REPORTED':
      return { result: { status: 'ALREADY_REPORTED', outcome: entry.use.outcome, staffingCardNumber: entry.use.staffingCardNumber } };
  }
};
