import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES } from '@hub/launcher';
import { generateCity, type City } from '@hub/launcher/demo';
import { idNumberCheckChar, type MessageHandler } from '@hub/schema';
import { eq } from 'drizzle-orm';
import { startTestHub, type TestHub } from './src/index.ts';

/**
 * 人员核减 and 停拨工资 end to end, through the gateway as the offices' apps call it: a unit reports a
 * removal, the Staffing Office's outbox carries the stop-pay notice, the relay delivers it and Finance
 * stops the payroll from the next month, once, also when Finance is down at the time and when a
 * delivery is retried; the monthly removal reports and the units that have not made them.
 */

/** Friday 20 November 2026, 10:00 in Beijing; tests move it forward only. */
let clock = new Date('2026-11-20T02:00:00Z');
const advance = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

/**
 * Three units of a small demo city with everyone they employ: A (removals), B (another unit, for the
 * refusals), C (monthly reports). One person of A is on no payroll at Finance. A and B have reported
 * October's removals; C has not.
 */
function threeUnits() {
  const full = generateCity({ seed: 3, institutions: 140, persons: 1400 });
  const paid = new Set(full.finance.payrollRecords.filter((p) => p.onPayroll).map((p) => p.idNumber));
  const staff = (code: string) =>
    full.staffing.ledgerEntries.filter((l) => l.institutionCreditCode === code && paid.has(l.idNumber) && l.unitJoinDate < '2026-09-01');
  const [a, b, c] = full.staffing.institutions.filter((i) => staff(i.creditCode).length >= 7);
  const codes = new Set([a!.creditCode, b!.creditCode, c!.creditCode]);
  const inUnits = <T extends { institutionCreditCode: string }>(rows: T[]) => rows.filter((r) => codes.has(r.institutionCreditCode));
  const people = new Set(inUnits(full.hr.employments).map((e) => e.idNumber));
  const ofPeople = <T extends { idNumber: string }>(rows: T[]) => rows.filter((r) => people.has(r.idNumber));
  const ofA = staff(a!.creditCode);
  const unpaid = ofA[6]!.idNumber;
  const report = (code: string) => ({
    institutionCreditCode: code,
    month: '2026-10',
    removalCount: 0,
    submittedAt: new Date('2026-10-30T02:00:00Z'),
    submittedBy: 'demo',
  });
  const city: City = {
    staffing: {
      institutions: full.staffing.institutions.filter((i) => codes.has(i.creditCode)).map((i) => ({ ...i, parentCreditCode: null })),
      quotas: inUnits(full.staffing.quotas),
      ledgerEntries: inUnits(full.staffing.ledgerEntries),
      staffingCards: inUnits(full.staffing.staffingCards),
      removals: [],
      monthlyRemovalReports: [report(a!.creditCode), report(b!.creditCode)],
    },
    hr: { persons: ofPeople(full.hr.persons), employments: inUnits(full.hr.employments), insurances: ofPeople(full.hr.insurances) },
    organization: { cadres: inUnits(full.organization.cadres) },
    finance: { budgetUnits: inUnits(full.finance.budgetUnits), payrollRecords: inUnits(full.finance.payrollRecords).filter((p) => p.idNumber !== unpaid) },
    planted: full.planted,
  };
  return { city, a: a!.creditCode, b: b!.creditCode, c: c!.creditCode, ofA, ofB: staff(b!.creditCode), ofC: staff(c!.creditCode), unpaid };
}
const demo = threeUnits();
/** A valid ID number of no one on the ledger. */
const NOBODY = `41010219900101009${idNumberCheckChar('41010219900101009')}`;

let hub: TestHub;
beforeAll(async () => {
  // The relay runs after every write and when a test drains it (the test kit turns its poll off).
  hub = await startTestHub(() => demo.city, { now: () => clock });
});
afterAll(() => hub?.stop());

const bb = () => hub.as({ office: 'staffing', role: 'OPERATOR', sub: 'bb-clerk' });
const auditor = () => hub.as({ office: 'staffing', role: 'AUDITOR', sub: 'bb-auditor' });
const clerkOf = (unit: string) => hub.as({ office: 'staffing', role: 'UNIT_OPERATOR', sub: `clerk-${unit}`, unit });
const cz = () => hub.as({ office: 'finance', role: 'OPERATOR', sub: 'cz-clerk' });

const NOTICE = `number reason effectiveOn stopFromMonth issuedAt delivered deliveredAt appliedAt deliveryAttempts nextAttemptAt waitingSeconds outcome`;
const REPORT = `mutation Report($i: ReportRemovalInput!) { reportRemoval(input: $i) { removal { reason effectiveOn institution { creditCode } stopPayNotice { ${NOTICE} } } } }`;
const report = async (idNumber: string, reason: string, effectiveOn: string, headers?: Record<string, string>) =>
  hub.query(REPORT, { i: { idNumber, reason, effectiveOn } }, headers ?? (await bb()));
const noticeOf = async (number: string) =>
  (await hub.query(`query($n: ID!) { stopPayNotice(number: $n) { ${NOTICE} } }`, { n: number }, await bb())).data.stopPayNotice;
/** What Finance holds for a person, as Finance reads it. */
const atFinance = async (idNumber: string) =>
  (
    await hub.query(
      `query($p: ID!) { person(idNumber: $p) { payroll { onPayroll lastPaidMonth stoppedFromMonth } stopPayNotices { noticeNumber outcome reason stopFromMonth paidThroughMonth overpaidMonths appliedAt } } }`,
      { p: idNumber },
      await cz(),
    )
  ).data.person;
const UNDELIVERED = `{ undeliveredStopPayNotices { totalCount nodes { number delivered deliveryAttempts waitingSeconds nextAttemptAt } } }`;
const vacant = async (unit: string) =>
  (await hub.query(`query($c: ID!) { institution(creditCode: $c) { quotas { category vacant occupied } } }`, { c: unit }, await bb())).data.institution.quotas;

/** An office's message tables and handlers, from the launcher's list (a test reads an office's database only to look). */
const messagingOf = (name: string) => SERVICES.find((s) => s.name === name)!.messaging!;
const financeInbox = async (messageIds: string[]) => {
  const { inboxMessages } = messagingOf('finance').tables;
  const rows = await hub.subgraphs.finance.database.db.select().from(inboxMessages);
  return rows.filter((r: { messageId: string }) => messageIds.includes(r.messageId));
};
const outboxRowOf = async (noticeNumber: string) => {
  const { outboxMessages } = messagingOf('staffing').tables;
  const rows = await hub.subgraphs.staffing.database.db.select().from(outboxMessages).where(eq(outboxMessages.topic, 'staffing.stopPayNotice'));
  const row = rows.find((r) => (r.payload as { noticeNumber: string }).noticeNumber === noticeNumber);
  if (!row) throw new Error(`no outbox message carries ${noticeNumber}`);
  return row;
};

describe('a removal stops pay from the next month', () => {
  it('for each reason: the notice goes out with the removal, Finance applies it, the quota is freed', async () => {
    const before = await vacant(demo.a);
    const cases = [
      [demo.ofA[0]!, 'RETIREMENT', '2026-11-15', '2026-12', []],
      [demo.ofA[1]!, 'DEATH', '2026-10-31', '2026-11', []],
      [demo.ofA[2]!, 'TRANSFER_OUT', '2026-09-30', '2026-10', ['2026-10']],
    ] as const;
    const numbers: string[] = [];
    for (const [person, reason, effectiveOn, stopFromMonth] of cases) {
      const answer = await report(person.idNumber, reason, effectiveOn, await clerkOf(demo.a));
      expect(answer.errors).toBeUndefined();
      const notice = answer.data.reportRemoval.removal.stopPayNotice;
      // The answer comes before the relay runs: issued, not yet delivered.
      expect(notice).toMatchObject({ reason, effectiveOn, stopFromMonth, issuedAt: clock.toISOString(), delivered: false, appliedAt: null, outcome: null });
      expect(notice.number).toMatch(/^停拨〔2026〕\d{5}号$/);
      numbers.push(notice.number);
    }
    expect(new Set(numbers).size).toBe(3);
    await hub.gateway.relay.drain();
    for (const [i, [person, reason, , stopFromMonth, overpaidMonths]] of cases.entries()) {
      expect(await noticeOf(numbers[i]!)).toMatchObject({
        delivered: true,
        deliveredAt: clock.toISOString(),
        appliedAt: clock.toISOString(),
        outcome: 'STOPPED',
        waitingSeconds: null,
      });
      expect(await atFinance(person.idNumber)).toEqual({
        payroll: { onPayroll: false, lastPaidMonth: '2026-10', stoppedFromMonth: stopFromMonth },
        stopPayNotices: [
          { noticeNumber: numbers[i], outcome: 'STOPPED', reason, stopFromMonth, paidThroughMonth: '2026-10', overpaidMonths, appliedAt: clock.toISOString() },
        ],
      });
    }
    // 实有数 is counted from the ledger: three fewer occupied, three more vacant in the categories they held.
    const after = await vacant(demo.a);
    const freed = (rows: { vacant: number }[]) => rows.reduce((n, q) => n + q.vacant, 0);
    expect(freed(after) - freed(before)).toBe(3);
  });

  it("applies a notice for a person not on Finance's payroll with that outcome, and does not retry it", async () => {
    const answer = await report(demo.unpaid, 'RESIGNATION', '2026-11-18');
    const { number } = answer.data.reportRemoval.removal.stopPayNotice;
    await hub.gateway.relay.drain();
    expect(await noticeOf(number)).toMatchObject({ delivered: true, outcome: 'NOT_ON_PAYROLL' });
    expect(await atFinance(demo.unpaid)).toMatchObject({
      payroll: null,
      stopPayNotices: [{ noticeNumber: number, outcome: 'NOT_ON_PAYROLL', paidThroughMonth: null }],
    });
    advance(10);
    expect((await hub.gateway.relay.drain()).claimed).toBe(0);
  });
});

describe('a removal while Finance is down', () => {
  it('waits undelivered, listed with its age, then is delivered after Finance is back and applied once', async () => {
    const person = demo.ofA[3]!;
    await hub.subgraphs.finance.suspend();
    let number: string;
    try {
      const answer = await report(person.idNumber, 'CONTRACT_END', '2026-11-19');
      number = answer.data.reportRemoval.removal.stopPayNotice.number;
      // The relay tried right after the answer and failed; the notice waits for its next attempt.
      await hub.gateway.relay.drain();
      expect(await noticeOf(number)).toMatchObject({ delivered: false, deliveryAttempts: 1 });
      advance(90);
      const waiting = (await hub.query(UNDELIVERED, undefined, await bb())).data.undeliveredStopPayNotices;
      expect(waiting.totalCount).toBe(1);
      expect(waiting.nodes[0]).toMatchObject({ number, delivered: false, deliveryAttempts: 1, waitingSeconds: 90 });
      // Still down at the next attempt: the attempt fails and the wait grows (the notice, and the card's cancellation, both to Finance).
      expect((await hub.gateway.relay.drain()).failed).toBe(2);
      expect((await noticeOf(number)).deliveryAttempts).toBe(2);
    } finally {
      await hub.subgraphs.finance.resume();
    }
    // Back, but the next attempt is not due yet (2 s after the last): nothing is sent early.
    expect((await hub.gateway.relay.drain()).claimed).toBe(0);
    advance(2);
    // The notice and the card's cancellation, both to Finance, each applied once.
    expect(await hub.gateway.relay.drain()).toMatchObject({ claimed: 2, applied: 2, duplicates: 0, failed: 0 });
    expect(await noticeOf(number)).toMatchObject({
      delivered: true,
      appliedAt: clock.toISOString(),
      deliveryAttempts: 3,
      outcome: 'STOPPED',
      waitingSeconds: null,
    });
    expect((await hub.query(UNDELIVERED, undefined, await bb())).data.undeliveredStopPayNotices).toEqual({ totalCount: 0, nodes: [] });
    expect(await atFinance(person.idNumber)).toMatchObject({
      payroll: { onPayroll: false, stoppedFromMonth: '2026-12' },
      stopPayNotices: [{ noticeNumber: number }],
    });
    const row = await outboxRowOf(number);
    expect(await financeInbox([row.id])).toHaveLength(1);
  });

  it('takes effect once when the delivery is retried because the answer to the Staffing Office was lost', async () => {
    const person = demo.ofA[4]!;
    const handlers = messagingOf('finance').handlers;
    const own = handlers['staffing.stopPayNotice']!;
    let applied = 0;
    // Finance applies the notice, then the Staffing Office goes down before the relay can settle it.
    const losingTheAnswer: MessageHandler = async (tx, message, now) => {
      applied++;
      const effect = await own(tx, message, now);
      await hub.subgraphs.staffing.suspend();
      return effect;
    };
    handlers['staffing.stopPayNotice'] = losingTheAnswer;
    let number: string;
    const appliedAt = clock.toISOString();
    try {
      number = (await report(person.idNumber, 'DISMISSAL', '2026-11-19')).data.reportRemoval.removal.stopPayNotice.number;
      await hub.gateway.relay.drain();
    } finally {
      handlers['staffing.stopPayNotice'] = own;
      await hub.subgraphs.staffing.resume();
    }
    expect(applied).toBe(1);
    // Applied at Finance, yet the Staffing Office still has it undelivered: the relay tries again after its delay.
    expect(await noticeOf(number)).toMatchObject({ delivered: false, deliveryAttempts: 1 });
    expect(await atFinance(person.idNumber)).toMatchObject({ payroll: { onPayroll: false, stoppedFromMonth: '2026-12' } });
    advance(2);
    // Every message whose answer was lost comes again and is answered DUPLICATE (the notice, and the card's cancellation if it was among them).
    const retried = await hub.gateway.relay.drain();
    expect(retried).toMatchObject({ applied: 0, failed: 0 });
    expect(retried.duplicates).toBeGreaterThanOrEqual(1);
    // Delivered now, with the time Finance first applied it; payroll stopped once, one inbox row, one notice at Finance.
    expect(await noticeOf(number)).toMatchObject({ delivered: true, appliedAt, deliveryAttempts: 2, outcome: 'STOPPED' });
    const finance = await atFinance(person.idNumber);
    expect(finance.stopPayNotices).toHaveLength(1);
    expect(finance.payroll).toEqual({ onPayroll: false, lastPaidMonth: '2026-10', stoppedFromMonth: '2026-12' });
    const row = await outboxRowOf(number);
    expect(await financeInbox([row.id])).toHaveLength(1);
    const { entries } = await hub.gateway.log.search({ kind: 'WRITE', operationName: 'message:staffing.stopPayNotice' }, { limit: 20, offset: 0 });
    const ofThis = entries.filter((e) => (e.detail as { messageId: string }).messageId === row.id);
    expect(ofThis.map((e) => e.outcome)).toEqual(['REPLAYED', 'ALLOWED']);
  });
});

describe('refusals', () => {
  it('refuses a person not on the ledger, another unit’s operator, dates out of range and another office, issuing nothing', async () => {
    const person = demo.ofA[5]!;
    const beforeJoining = new Date(new Date(`${person.unitJoinDate}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
    const cases = [
      [NOBODY, '2026-11-19', await bb(), 'NOT_FOUND', 'NOT_ON_LEDGER'],
      [person.idNumber, '2026-11-19', await clerkOf(demo.b), 'FORBIDDEN', 'OTHER_UNIT'],
      [person.idNumber, '2026-11-21', await clerkOf(demo.a), 'INVALID_ARGUMENT', 'EFFECTIVE_DATE_FUTURE'],
      [person.idNumber, beforeJoining, await bb(), 'INVALID_ARGUMENT', 'EFFECTIVE_DATE_BEFORE_JOINING'],
      [person.idNumber, '2026-11-19', await hub.as({ office: 'hr', role: 'OPERATOR', sub: 'rs-clerk' }), 'FORBIDDEN', 'WRITE_NOT_OWNER'],
    ] as const;
    for (const [idNumber, effectiveOn, headers, code, reason] of cases) {
      const answer = await report(idNumber, 'RESIGNATION', effectiveOn, headers);
      expect([effectiveOn, answer.data?.reportRemoval ?? null, answer.errors?.[0]?.extensions]).toMatchObject([effectiveOn, null, { code, reason }]);
    }
    const still = await hub.query(`query($p: ID!) { person(idNumber: $p) { ledgerEntry { name } removals { reason } } }`, { p: person.idNumber }, await bb());
    expect(still.data.person).toEqual({ ledgerEntry: { name: person.name }, removals: [] });
    expect((await atFinance(person.idNumber)).payroll.onPayroll).toBe(true);
    expect((await hub.gateway.relay.drain()).claimed).toBe(0);
  });
});

describe('monthly removal reports (人员核减月报)', () => {
  const UNREPORTED = `query($m: String!) { unreportedRemovalUnits(month: $m) { totalCount nodes { month dueOn lastReportedMonth institution { creditCode } } } }`;
  const SUBMIT = `mutation Submit($i: SubmitMonthlyRemovalReportInput!) { submitMonthlyRemovalReport(input: $i) { report { month removalCount late submittedBy submittedAt institution { creditCode } } } }`;
  const submit = async (unit: string, month: string, headers: Record<string, string>) =>
    hub.query(SUBMIT, { i: { institutionCreditCode: unit, month } }, headers);

  it('lists the units that have not reported a month that has ended, until they do', async () => {
    const listed = await hub.query(UNREPORTED, { m: '2026-10' }, await bb());
    expect(listed.data.unreportedRemovalUnits).toEqual({
      totalCount: 1,
      nodes: [{ month: '2026-10', dueOn: '2026-10-31', lastReportedMonth: null, institution: { creditCode: demo.c } }],
    });
    // A unit operator sees whether its own unit is listed, and nothing of the others.
    expect((await hub.query(UNREPORTED, { m: '2026-10' }, await clerkOf(demo.a))).data.unreportedRemovalUnits.totalCount).toBe(0);
    const late = await submit(demo.c, '2026-10', await clerkOf(demo.c));
    expect(late.data.submitMonthlyRemovalReport.report).toEqual({
      month: '2026-10',
      removalCount: 0,
      late: true,
      submittedBy: `clerk-${demo.c}`,
      submittedAt: clock.toISOString(),
      institution: { creditCode: demo.c },
    });
    expect((await hub.query(UNREPORTED, { m: '2026-10' }, await bb())).data.unreportedRemovalUnits).toEqual({ totalCount: 0, nodes: [] });
    // September: nobody reported it in this city, and C's latest report is now October's.
    const september = (await hub.query(UNREPORTED, { m: '2026-09' }, await bb())).data.unreportedRemovalUnits;
    expect(september.totalCount).toBe(3);
    expect(september.nodes.find((n: { institution: { creditCode: string } }) => n.institution.creditCode === demo.c).lastReportedMonth).toBe('2026-10');
  });

  it("counts the month's removals in a report made within the month, and names it on the unit", async () => {
    await report(demo.ofC[0]!.idNumber, 'RETIREMENT', '2026-11-10', await clerkOf(demo.c));
    const made = await submit(demo.c, '2026-11', await clerkOf(demo.c));
    expect(made.data.submitMonthlyRemovalReport.report).toMatchObject({ month: '2026-11', removalCount: 1, late: false });
    const onUnit = await hub.query(
      `query($c: ID!) { institution(creditCode: $c) { removalReport(month: "2026-11") { removalCount late } } }`,
      { c: demo.c },
      await bb(),
    );
    expect(onUnit.data.institution.removalReport).toEqual({ removalCount: 1, late: false });
  });

  it('refuses a month listed before it has ended, a second report, another unit’s report, a month not begun and a malformed month', async () => {
    const notEnded = await hub.query(UNREPORTED, { m: '2026-11' }, await bb());
    expect(notEnded.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', reason: 'MONTH_NOT_ENDED' });
    const cases = [
      [demo.a, '2026-10', await clerkOf(demo.a), 'ALREADY_EXISTS', 'REPORT_ALREADY_SUBMITTED'],
      [demo.b, '2026-11', await clerkOf(demo.a), 'FORBIDDEN', 'OTHER_UNIT'],
      [demo.b, '2026-12', await bb(), 'INVALID_ARGUMENT', 'MONTH_NOT_STARTED'],
      [demo.b, '2026-1', await bb(), 'INVALID_ARGUMENT', 'MONTH_FORMAT'],
      [demo.b, '2026-11', await hub.as({ office: 'finance', role: 'OPERATOR', sub: 'cz-clerk' }), 'FORBIDDEN', 'WRITE_NOT_OWNER'],
    ] as const;
    for (const [unit, month, headers, code, reason] of cases) {
      const answer = await submit(unit, month, headers);
      expect([month, answer.data?.submitMonthlyRemovalReport ?? null, answer.errors?.[0]?.extensions]).toMatchObject([month, null, { code, reason }]);
    }
    const b = await hub.query(`query($c: ID!) { institution(creditCode: $c) { removalReport(month: "2026-11") { month } } }`, { c: demo.b }, await bb());
    expect(b.data.institution.removalReport).toBeNull();
  });
});

describe('the operation log', () => {
  it('has each step: the removal with its notice number, the delivery with what Finance changed, the monthly report', async () => {
    const person = demo.ofB[0]!;
    const number = (await report(person.idNumber, 'STRUCK_OFF', '2026-11-19', await clerkOf(demo.b))).data.reportRemoval.removal.stopPayNotice.number;
    await hub.gateway.relay.drain();
    const row = await outboxRowOf(number);
    const monthlyAnswer = await hub.query(
      `mutation Submit($i: SubmitMonthlyRemovalReportInput!) { submitMonthlyRemovalReport(input: $i) { report { month } } }`,
      { i: { institutionCreditCode: demo.a, month: '2026-08' } },
      await bb(),
    );
    expect(monthlyAnswer.errors).toBeUndefined();
    const LOG = `query($op: String) { operationLog(operationName: $op, first: 50) { nodes { kind outcome actorOffice actorSub operationName detail } } }`;
    type Node = { kind: string; outcome: string; actorOffice: string; actorSub: string; operationName: string; detail: any };
    // The log's API gives each entry's detail as JSON text.
    const logOf = async (op: string) =>
      ((await hub.query(LOG, { op }, await auditor())).data.operationLog.nodes as Node[]).map((n) => ({ ...n, detail: JSON.parse(n.detail) }));
    const nodes = [...(await logOf('Report')), ...(await logOf('message:staffing.stopPayNotice')), ...(await logOf('Submit'))];
    const removal = nodes.find((n) => n.operationName === 'Report' && n.detail.changes?.some((c: { key: string }) => c.key === number))!;
    expect(removal).toMatchObject({ kind: 'WRITE', outcome: 'ALLOWED', actorSub: `clerk-${demo.b}` });
    expect(removal.detail.changes.map((c: { entity: string; action?: string }) => [c.entity, c.action ?? null])).toEqual([
      ['LedgerEntry', 'REMOVE_FROM_LEDGER'],
      ['StaffingCard', 'CANCEL_CARD'],
      ['StaffingCardEvent', 'CANCEL_CARD'],
      ['Quota', 'VACANT_SINCE'],
      ['Removal', null],
      ['StopPayNotice', 'ISSUE_STOP_PAY_NOTICE'],
    ]);
    // Each row under the notice's number; the card's history names it too, and the post is vacant from the day the person left.
    expect(removal.detail.changes.every((c: { caseNumber?: string }) => c.caseNumber === number)).toBe(true);
    expect(removal.detail.changes[2].after).toMatchObject({ kind: 'CANCELLED', documentNumber: number, on: '2026-11-19' });
    expect(removal.detail.changes[3].after).toMatchObject({ vacantSince: '2026-11-19' });
    expect(removal.detail.changes.at(-1).after).toMatchObject({ number, messageId: row.id, stopFromMonth: '2026-12' });
    const delivery = nodes.find((n) => n.operationName === 'message:staffing.stopPayNotice' && n.detail.messageId === row.id)!;
    expect(delivery).toMatchObject({ kind: 'WRITE', outcome: 'ALLOWED', actorOffice: 'staffing', actorSub: 'hub:message-relay' });
    expect(delivery.detail.payload).toMatchObject({ noticeNumber: number, idNumber: person.idNumber });
    expect(
      delivery.detail.changes.map((c: { entity: string; key: string; before: any; after: any }) => [
        c.entity,
        c.key,
        c.before?.onPayroll ?? null,
        c.after?.onPayroll ?? c.after?.outcome,
      ]),
    ).toEqual([
      ['PayrollRecord', person.idNumber, true, false],
      ['ReceivedStopPayNotice', number, null, 'STOPPED'],
    ]);
    const monthly = nodes.find((n) => n.operationName === 'Submit' && n.outcome === 'ALLOWED' && n.detail.changes?.[0]?.key === `${demo.a}|2026-08`)!;
    expect(monthly).toMatchObject({ actorSub: 'bb-clerk' });
    expect(monthly.detail.changes[0]).toMatchObject({
      entity: 'MonthlyRemovalReport',
      action: 'SUBMIT_REMOVAL_REPORT',
      before: null,
      after: { month: '2026-08', late: true, removalCount: 0 },
    });
  });
});
