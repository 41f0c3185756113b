import { isCalendarDate, isCalendarMonth, type MessageEffect, type MessageHandler, parseIdNumber } from '@hub/schema';
import type { MessagePayloads } from '@hub/schema/contracts';
import { z } from 'zod';
import type { FinanceDb } from '../db/queries.ts';
import { insertReceivedNotice, lockedPayrollRecord, receivedNotice, updatePayrollStop } from '../db/stopPayQueries.ts';
import { payrollStop } from '../domain/payrollStop.ts';
import type { RemovalReason } from '../generated/enums.ts';

const REASONS = [
  'TRANSFER_OUT',
  'RETIREMENT',
  'RESIGNATION',
  'DISMISSAL',
  'STRUCK_OFF',
  'EXPULSION',
  'DEATH',
  'CONTRACT_END',
] as const satisfies readonly RemovalReason[];

/** The contract's payload (schema/src/contracts/messages.ts), checked: Finance applies only a notice it can read. */
const payloadSchema = z.object({
  noticeNumber: z.string().min(1).max(64),
  idNumber: z.string().refine((v) => typeof parseIdNumber(v) !== 'string', 'not a valid ID number'),
  institutionCreditCode: z.string().min(1).max(32),
  reason: z.enum(REASONS),
  effectiveOn: z.string().refine(isCalendarDate, 'not a YYYY-MM-DD date'),
  stopFromMonth: z.string().refine(isCalendarMonth, 'not a YYYY-MM month'),
  issuedAt: z.iso.datetime(),
}) satisfies z.ZodType<MessagePayloads['staffing.stopPayNotice']>;

/**
 * 停拨工资通知 at Finance (topic `staffing.stopPayNotice`): stops the person's payroll from the stop
 * month, inside the inbox's transaction, so the notice takes effect once however often it is
 * delivered: the inbox skips a message id it has seen, and the notice number is recorded with what
 * was done, so the same notice under another message id changes nothing either (its first outcome
 * comes back). A person not on the payroll, or a notice that cannot be read, is answered as such
 * and not retried: retrying would not change the answer.
 */
export const stopPayNoticeHandler: MessageHandler<FinanceDb> = async (tx, message, now): Promise<MessageEffect> => {
  const parsed = payloadSchema.safeParse(message.payload);
  if (!parsed.success) return { result: { outcome: 'REJECTED', problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) } };
  const notice = parsed.data;
  const seen = await receivedNotice(tx, notice.noticeNumber);
  if (seen) return { result: { outcome: seen.outcome, noticeNumber: seen.noticeNumber, alreadyReceivedAs: seen.messageId } };
  const before = await lockedPayrollRecord(tx, notice.idNumber);
  const stop = payrollStop(before, notice.stopFromMonth);
  const after = stop.change ? await updatePayrollStop(tx, notice.idNumber, stop.change) : before;
  const received = await insertReceivedNotice(tx, {
    noticeNumber: notice.noticeNumber,
    messageId: message.id,
    idNumber: notice.idNumber,
    institutionCreditCode: notice.institutionCreditCode,
    reason: notice.reason,
    effectiveOn: notice.effectiveOn,
    stopFromMonth: notice.stopFromMonth,
    issuedAt: new Date(notice.issuedAt),
    appliedAt: now,
    outcome: stop.outcome,
    paidThroughMonth: before?.lastPaidMonth ?? null,
  });
  return {
    result: { outcome: stop.outcome, noticeNumber: notice.noticeNumber, stopFromMonth: notice.stopFromMonth, overpaidMonths: stop.overpaidMonths },
    audit: [
      ...(stop.change ? [{ entity: 'PayrollRecord', key: notice.idNumber, before, after, action: 'STOP_PAY' }] : []),
      {
        entity: 'ReceivedStopPayNotice',
        key: notice.noticeNumber,
        before: null,
        after: { ...received, overpaidMonths: stop.overpaidMonths },
        action: 'APPLY_STOP_PAY_NOTICE',
      },
    ],
  };
};
