import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idNumberCheckChar, receiveMessage } from '@hub/schema';
import type { OfficeMessage } from '@hub/schema/contracts';
import { openTestDatabase } from '@hub/schema/testing';
import { eq } from 'drizzle-orm';
import type { FinanceDb } from '../src/db/queries.ts';
import { inboxMessages, payrollRecords, stopPayNotices } from '../src/db/schema.ts';
import { stopPayNoticeHandler } from '../src/messages/stopPayNotice.ts';
import { finance } from '../src/server.ts';

const id = (body: string) => body + idNumberCheckChar(body);
const SCHOOL = `12410100MB0000002${creditCodeCheckChar('12410100MB0000002')}`;
const [PAID, LATE, UNKNOWN] = [id('41010219850317001'), id('41010219860317003'), id('41010219870317005')];
const AT = new Date('2026-11-20T02:00:05Z');

let database: Awaited<ReturnType<typeof openTestDatabase<FinanceDb>>>;
let serial = 0;

/** A stop-pay notice as the Staffing Office's outbox sends it (schema/src/contracts/messages.ts). */
function notice(idNumber: string, stopFromMonth: string, over: Partial<OfficeMessage<'staffing.stopPayNotice'>['payload']> = {}): OfficeMessage {
  serial++;
  return {
    id: crypto.randomUUID(),
    topic: 'staffing.stopPayNotice',
    from: 'staffing',
    to: 'finance',
    createdAt: '2026-11-20T02:00:00.000Z',
    payload: {
      noticeNumber: `停拨〔2026〕${String(serial).padStart(5, '0')}号`,
      idNumber,
      institutionCreditCode: SCHOOL,
      reason: 'RETIREMENT',
      effectiveOn: '2026-11-15',
      stopFromMonth,
      issuedAt: '2026-11-20T02:00:00.000Z',
      ...over,
    },
  };
}
const deliver = (message: OfficeMessage) => receiveMessage(database.db, inboxMessages, message, stopPayNoticeHandler, AT);
const payroll = async (idNumber: string) => (await database.db.select().from(payrollRecords).where(eq(payrollRecords.idNumber, idNumber)))[0];
const received = (idNumber: string) => database.db.select().from(stopPayNotices).where(eq(stopPayNotices.idNumber, idNumber));

beforeAll(async () => {
  database = await openTestDatabase(finance);
  await finance.seed(database.db, {
    budgetUnits: [{ code: 'YS000002', institutionCreditCode: SCHOOL, name: '某市第一中学', fundingForm: 'FULL', budgetedHeadcount: 3 }],
    payrollRecords: [PAID, LATE].map((idNumber, i) => ({
      idNumber,
      nameOnRecord: `教师${i}`,
      institutionCreditCode: SCHOOL,
      onPayroll: true,
      lastPaidMonth: '2026-10',
      budgetLine: '30101 基本工资',
      monthlyGrossPay: 6500,
    })),
  });
});
afterAll(() => database.close());

describe("Finance's stop-pay notice handler (staffing.stopPayNotice)", () => {
  it('stops the payroll from the stop month once, however often the message or the notice arrives', async () => {
    const message = notice(PAID, '2026-12');
    const first = await deliver(message);
    expect(first).toMatchObject({ status: 'APPLIED', result: { outcome: 'STOPPED', stopFromMonth: '2026-12', overpaidMonths: [] } });
    expect(
      first.audit.map((a) => [a.entity, a.action, (a.before as any)?.onPayroll ?? null, (a.after as any)?.onPayroll ?? (a.after as any)?.outcome]),
    ).toEqual([
      ['PayrollRecord', 'STOP_PAY', true, false],
      ['ReceivedStopPayNotice', 'APPLY_STOP_PAY_NOTICE', null, 'STOPPED'],
    ]);
    const after = await payroll(PAID);
    expect(after).toMatchObject({ onPayroll: false, lastPaidMonth: '2026-10', stoppedFromMonth: '2026-12' });
    // The same message again (a lost answer): the inbox skips it.
    expect(await deliver(message)).toMatchObject({ status: 'DUPLICATE', result: { outcome: 'STOPPED' }, audit: [] });
    // The same notice under another message id (resent): recorded once, nothing changed, its first outcome answered.
    const resent = await deliver({ ...message, id: crypto.randomUUID() });
    expect(resent).toMatchObject({ status: 'APPLIED', result: { outcome: 'STOPPED', alreadyReceivedAs: message.id }, audit: [] });
    expect(await payroll(PAID)).toEqual(after);
    expect(await received(PAID)).toHaveLength(1);
    const inbox = await database.db.select().from(inboxMessages);
    expect(inbox.filter((r) => r.messageId === message.id)).toHaveLength(1);
  });

  it('lists the months already paid when a late removal stops pay earlier than the last month paid', async () => {
    const result = await deliver(notice(LATE, '2026-09', { effectiveOn: '2026-08-31', reason: 'DEATH' }));
    expect(result.result).toMatchObject({ outcome: 'STOPPED', overpaidMonths: ['2026-09', '2026-10'] });
    expect(await payroll(LATE)).toMatchObject({ onPayroll: false, lastPaidMonth: '2026-10', stoppedFromMonth: '2026-09' });
    expect(await received(LATE)).toMatchObject([{ outcome: 'STOPPED', paidThroughMonth: '2026-10', reason: 'DEATH' }]);
    // A second notice for a later month changes nothing.
    expect((await deliver(notice(LATE, '2026-11'))).result).toMatchObject({ outcome: 'ALREADY_STOPPED' });
    expect(await payroll(LATE)).toMatchObject({ stoppedFromMonth: '2026-09' });
  });

  it('applies a notice for a person not on the payroll, saying so, and one it cannot read as rejected: neither is retried', async () => {
    const absent = await deliver(notice(UNKNOWN, '2026-12'));
    expect(absent).toMatchObject({ status: 'APPLIED', result: { outcome: 'NOT_ON_PAYROLL' } });
    expect(await received(UNKNOWN)).toMatchObject([{ outcome: 'NOT_ON_PAYROLL', paidThroughMonth: null }]);
    expect(await payroll(UNKNOWN)).toBeUndefined();
    const garbled = await deliver(notice(UNKNOWN, '2026-13', { idNumber: '410102198703170050' }));
    expect(garbled).toMatchObject({ status: 'APPLIED', result: { outcome: 'REJECTED' } });
    expect((garbled.result as { problems: string[] }).problems.map((p) => p.split(':')[0])).toEqual(['idNumber', 'stopFromMonth']);
  });
});
