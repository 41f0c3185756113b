import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES } from '@hub/launcher';
import type { City } from '@hub/launcher/demo';
import { creditCodeCheckChar, enqueueMessage, idNumberCheckChar } from '@hub/schema';
import { startTestHub, type GraphQLAnswer, type TestHub } from './src/index.ts';

/**
 * 进人用编 through the gateway, as the offices' apps do it (README, "Hiring against quota"): the unit
 * applies, the Staffing Office approves against the vacancy, HR records the hire citing the approval
 * form, the Staffing Office enters the ledger and issues the card, Finance adds the person to the
 * payroll on the card. Each office writes only its own data; the steps between offices are messages,
 * delivered here by draining the gateway's relay. On PostgreSQL (DATABASE_URL) the race for the last
 * vacancy runs two approvals on two connections at once.
 */

/** Tuesday 1 December 2026, 10:00 in Beijing: every office and the gateway run on this clock. */
const T0 = new Date('2026-12-01T02:00:00Z');
let clock = T0;
const TODAY = '2026-12-01';

const creditCode = (n: number) => {
  const first17 = `12410100MH${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const idNumber = (birth: string, serial: number) => {
  const body = `410102${birth.replaceAll('-', '')}${String(serial).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
};

const UNIT = { a: creditCode(1), race: creditCode(2), frozen: creditCode(3), withdraw: creditCode(4), other: creditCode(5), cards: creditCode(6) };
/** Staff already there: E1 on the ledger with an active card while HR has them as temporary; W1, W2 on the worker quota (over it). */
const E1 = idNumber('1990-04-12', 11);
const W1 = idNumber('1985-09-30', 13);
const W2 = idNumber('1987-01-05', 15);
/** E4 still holds an active card though no longer on the ledger (a card left behind), and HR has them as temporary. */
const E4 = idNumber('1991-05-20', 17);
/** Newcomers. */
const NEW = [
  idNumber('1998-03-15', 21),
  idNumber('1999-07-08', 22),
  idNumber('1997-11-20', 23),
  idNumber('2000-02-02', 24),
  idNumber('1996-06-06', 25),
  idNumber('1995-10-10', 26),
  idNumber('1994-08-18', 27),
];

/** A small city of six units with quotas chosen for the rules (the demo city's shape, its rows written out). */
function hiringCity(): City {
  const units = Object.entries(UNIT).map(([key, code]) => ({
    creditCode: code,
    name: `进人用编测试单位${key.toUpperCase()}`,
    kind: 'PUBLIC_INSTITUTION' as const,
    level: 'CITY' as const,
    system: 'EDUCATION' as const,
    fundingForm: 'FULL' as const,
    parentCreditCode: null,
    leadershipPostsApproved: 1,
  }));
  const quota = (code: string, category: City['staffing']['quotas'][number]['category'], approved: number) => ({
    institutionCreditCode: code,
    category,
    approved,
    reserved: 0,
    vacantSince: null,
  });
  const onLedger = (id: string, category: 'PUBLIC_SERVICE' | 'WORKER', card: string) => ({
    idNumber: id,
    institutionCreditCode: UNIT.a,
    quotaCategory: category,
    name: `在编${id.slice(-4)}`,
    ethnicity: '汉族',
    nativePlace: '河南郑州',
    politicalStatus: '群众',
    post: '教师',
    workStartDate: '2012-09-01',
    unitJoinDate: '2012-09-01',
    staffingCardNumber: card,
  });
  const staff = [
    [E1, 'PUBLIC_SERVICE', 'BZ410100000001', 'TEMPORARY'],
    [W1, 'WORKER', 'BZ410100000002', 'IN_QUOTA'],
    [W2, 'WORKER', 'BZ410100000003', 'IN_QUOTA'],
  ] as const;
  /** Everyone holding a card: the staff, and E4 off the ledger. */
  const holders = [...staff, [E4, 'PUBLIC_SERVICE', 'BZ410100000004', 'TEMPORARY'] as const];
  return {
    staffing: {
      institutions: units,
      quotas: [
        quota(UNIT.a, 'PUBLIC_SERVICE', 3),
        quota(UNIT.a, 'WORKER', 1),
        quota(UNIT.race, 'PUBLIC_SERVICE', 1),
        quota(UNIT.frozen, 'PUBLIC_SERVICE', 5),
        quota(UNIT.withdraw, 'PUBLIC_SERVICE', 4),
        quota(UNIT.other, 'PUBLIC_SERVICE', 10),
        quota(UNIT.cards, 'PUBLIC_SERVICE', 2),
      ],
      ledgerEntries: staff.map(([id, category, card]) => onLedger(id, category, card)),
      staffingCards: holders.map(([id, category, card]) => ({
        number: card,
        idNumber: id,
        institutionCreditCode: UNIT.a,
        category,
        issuedOn: '2013-03-01',
        status: 'ACTIVE' as const,
      })),
      removals: [],
    },
    hr: {
      persons: holders.map(([id]) => ({
        idNumber: id,
        name: `在编${id.slice(-4)}`,
        ethnicity: '汉族',
        nativePlace: '河南郑州',
        education: null,
        degree: null,
        titleName: null,
        titleLevel: null,
      })),
      employments: holders.map(([id, , , type]) => ({
        idNumber: id,
        institutionCreditCode: UNIT.a,
        type,
        since: '2012-09-01',
      })),
      insurances: [],
    },
    organization: { cadres: [] },
    finance: {
      budgetUnits: units.map((u, i) => ({
        code: `YSHT${i + 1}`,
        institutionCreditCode: u.creditCode,
        name: u.name,
        fundingForm: 'FULL' as const,
        budgetedHeadcount: 4,
      })),
      payrollRecords: [],
    },
    planted: {} as City['planted'],
  };
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub(hiringCity, { now: () => clock });
});
afterAll(() => hub?.stop());

const VIEWERS = {
  unitA: { office: 'staffing', role: 'UNIT_OPERATOR', sub: 'unit-a-clerk', unit: UNIT.a },
  unitFrozen: { office: 'staffing', role: 'UNIT_OPERATOR', sub: 'unit-frozen-clerk', unit: UNIT.frozen },
  staffingOperator: { office: 'staffing', role: 'OPERATOR', sub: 'liu-operator' },
  reviewer: { office: 'staffing', role: 'REVIEWER', sub: 'zhang-reviewer' },
  secondReviewer: { office: 'staffing', role: 'REVIEWER', sub: 'chen-reviewer' },
  leader: { office: 'staffing', role: 'LEADER', sub: 'wang-leader' },
  hr: { office: 'hr', role: 'OPERATOR', sub: 'zhao-hr' },
  finance: { office: 'finance', role: 'OPERATOR', sub: 'qian-finance' },
  auditor: { office: 'staffing', role: 'AUDITOR', sub: 'sun-auditor' },
};
type Who = keyof typeof VIEWERS;
const ask = async <T = any>(who: Who, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>> =>
  hub.query<T>(query, variables, await hub.as(VIEWERS[who]));

const APPLY = `mutation Apply($i: ApplyForHiringInput!) { applyForHiring(input: $i) { application { id status persons category appliedOn institution { creditCode } } } }`;
const APPROVE = `mutation Approve($i: ApproveHiringInput!) {
  approveHiring(input: $i) { approval { approvalFormNumber auditNoticeNumber persons used remaining status approvedOn validUntil institution { creditCode } application { id status } } }
}`;
const REFUSE = `mutation Refuse($i: RefuseHiringInput!) { refuseHiring(input: $i) { application { id status refusalReason approval { approvalFormNumber } } } }`;
const RECORD = `mutation Hire($i: RecordHireInput!) {
  recordHire(input: $i) { hire { approvalFormNumber category recordedOn staffingCardNumber institution { creditCode } person { idNumber name employment { type } } } }
}`;
const PAY = `mutation Pay($i: AddToPayrollInput!) {
  addToPayroll(input: $i) { payrollRecord { onPayroll staffingCardNumber paidFromMonth lastPaidMonth budgetLine institution { creditCode } } }
}`;
const WITHDRAW = `mutation Withdraw($i: WithdrawHiringApprovalInput!) {
  withdrawHiringApproval(input: $i) { approval { approvalFormNumber status remaining used withdrawnOn withdrawalReason withdrawalDocumentNumber } }
}`;
const FREEZE = `mutation Freeze($i: FreezeUnitInput!) { freezeUnit(input: $i) { freeze { frozenOn reason documentNumber active unfrozenOn } } }`;
const UNFREEZE = `mutation Unfreeze($i: UnfreezeUnitInput!) { unfreezeUnit(input: $i) { freeze { frozenOn documentNumber active unfrozenOn unfreezeReason unfreezeDocumentNumber } } }`;
const UNIT_QUERY = `query Unit($c: ID!) {
  institution(creditCode: $c) { frozen freezes { frozenOn reason documentNumber active unfreezeDocumentNumber } quotas { category approved occupied reserved vacant } }
}`;
const PERSON = `query Person($id: ID!) {
  person(idNumber: $id) {
    name
    employment { type institution { creditCode } }
    hires { approvalFormNumber staffingCardNumber }
    ledgerEntry { quotaCategory staffingCardNumber name post unitJoinDate institution { creditCode } }
    staffingCards { number status category issuedOn history { kind on documentNumber note institution { creditCode } } }
    payroll { onPayroll staffingCardNumber paidFromMonth }
  }
}`;
const APPROVAL = `query Approval($n: ID!) {
  hiringApproval(approvalFormNumber: $n) { approvalFormNumber status persons used remaining uses { person { idNumber } outcome refusalCode staffingCardNumber } }
}`;

const quotasOf = async (code: string) => (await ask('reviewer', UNIT_QUERY, { c: code })).data!.institution;
const quotaOf = async (code: string, category: string) => (await quotasOf(code)).quotas.find((q: { category: string }) => q.category === category);

/** A newcomer's hire as HR records it. */
const hireInput = (approvalFormNumber: string, id: string, extra: Record<string, unknown> = {}) => ({
  approvalFormNumber,
  idNumber: id,
  name: `新进${id.slice(-4)}`,
  ethnicity: '回族',
  nativePlace: '河南开封',
  politicalStatus: '中共党员',
  post: '专业技术岗位十二级',
  education: 'POSTGRADUATE',
  degree: 'MASTER',
  workStartDate: '2025-07-01',
  unitJoinDate: TODAY,
  ...extra,
});

/** Applies as the Staffing Office's operator and approves as its reviewer; returns the approval. */
async function approved(unit: string, persons: number, category = 'PUBLIC_SERVICE') {
  const applied = await ask('staffingOperator', APPLY, { i: { institutionCreditCode: unit, category, persons, reason: '补充教师' } });
  const answer = await ask('reviewer', APPROVE, { i: { applicationId: applied.data!.applyForHiring.application.id } });
  expect(answer.errors).toBeUndefined();
  return answer.data!.approveHiring.approval;
}

/** A newcomer hired into `unit` and entered on its ledger, the messages between the steps delivered; returns the card's number. */
async function hiredWithCard(unit: string, person: string): Promise<string> {
  const approval = await approved(unit, 1);
  await hub.gateway.relay.drain();
  expect((await ask('hr', RECORD, { i: hireInput(approval.approvalFormNumber, person) })).errors).toBeUndefined();
  await hub.gateway.relay.drain();
  return (await ask('reviewer', PERSON, { id: person })).data!.person.ledgerEntry.staffingCardNumber;
}

/** The one error of a refused mutation, with its field null. */
function refusal(answer: GraphQLAnswer<any>, field: string) {
  expect(answer.data?.[field]).toBeNull();
  expect(answer.errors).toHaveLength(1);
  const [error] = answer.errors!;
  expect(error!.path).toEqual([field]);
  expect(error!.extensions!.messageZh).toMatch(/\p{Script=Han}/u);
  expect(error!.extensions!.messageEn).toMatch(/[a-z]/);
  return error!.extensions!;
}

const messaging = (office: string) => SERVICES.find((s) => s.name === office)!.messaging!.tables;

describe('hiring against quota, from the unit to the payroll', () => {
  it('walks application → approval → hire → ledger and card → payroll, each office writing its own data, every step in the log', async () => {
    const person = NEW[0]!;
    // 1. The unit applies (its unit operator, for its own unit).
    const applied = await ask('unitA', APPLY, { i: { institutionCreditCode: UNIT.a, category: 'PUBLIC_SERVICE', persons: 1, reason: '高中数学教师缺编' } });
    expect(applied.errors).toBeUndefined();
    const application = applied.data!.applyForHiring.application;
    expect(application).toMatchObject({ status: 'PENDING', persons: 1, category: 'PUBLIC_SERVICE', appliedOn: TODAY, institution: { creditCode: UNIT.a } });
    // A pending application holds no quota.
    expect(await quotaOf(UNIT.a, 'PUBLIC_SERVICE')).toEqual({ category: 'PUBLIC_SERVICE', approved: 3, occupied: 1, reserved: 0, vacant: 2 });

    // 2. The Staffing Office approves: numbered documents, the quota reserved.
    const approval = (await ask('reviewer', APPROVE, { i: { applicationId: application.id } })).data!.approveHiring.approval;
    expect(approval).toMatchObject({
      persons: 1,
      used: 0,
      remaining: 1,
      status: 'ACTIVE',
      approvedOn: TODAY,
      validUntil: '2027-05-31',
      institution: { creditCode: UNIT.a },
      application: { id: application.id, status: 'APPROVED' },
    });
    expect(approval.auditNoticeNumber).toMatch(/^编审〔2026〕\d{4}号$/);
    expect(approval.approvalFormNumber).toMatch(/^进编〔2026〕\d{4}号$/);
    expect(await quotaOf(UNIT.a, 'PUBLIC_SERVICE')).toMatchObject({ occupied: 1, reserved: 1, vacant: 1 });

    // The approval reaches HR's inbox (staffing.hiringApproved).
    expect(await hub.gateway.relay.drain()).toMatchObject({ failed: 0 });

    // 3. HR records the hire citing the approval form.
    const hired = await ask('hr', RECORD, { i: hireInput(approval.approvalFormNumber, person) });
    expect(hired.errors).toBeUndefined();
    expect(hired.data!.recordHire.hire).toEqual({
      approvalFormNumber: approval.approvalFormNumber,
      category: 'PUBLIC_SERVICE',
      recordedOn: TODAY,
      staffingCardNumber: null,
      institution: { creditCode: UNIT.a },
      person: { idNumber: person, name: `新进${person.slice(-4)}`, employment: { type: 'IN_QUOTA' } },
    });

    // 4. The Staffing Office enters the ledger and issues the card; HR and Finance keep the card.
    expect(await hub.gateway.relay.drain()).toMatchObject({ failed: 0 });
    const after = (await ask('reviewer', PERSON, { id: person })).data!.person;
    const card = after.staffingCards[0];
    expect(card.number).toMatch(/^BZ2026\d{6}$/);
    expect(after).toEqual({
      name: `新进${person.slice(-4)}`,
      employment: { type: 'IN_QUOTA', institution: { creditCode: UNIT.a } },
      hires: [{ approvalFormNumber: approval.approvalFormNumber, staffingCardNumber: card.number }],
      ledgerEntry: {
        quotaCategory: 'PUBLIC_SERVICE',
        staffingCardNumber: card.number,
        name: `新进${person.slice(-4)}`,
        post: '专业技术岗位十二级',
        unitJoinDate: TODAY,
        institution: { creditCode: UNIT.a },
      },
      staffingCards: [
        {
          number: card.number,
          status: 'ACTIVE',
          category: 'PUBLIC_SERVICE',
          issuedOn: TODAY,
          history: [
            {
              kind: 'ISSUED',
              on: TODAY,
              documentNumber: approval.approvalFormNumber,
              note: `审核通知单 ${approval.auditNoticeNumber}`,
              institution: { creditCode: UNIT.a },
            },
          ],
        },
      ],
      payroll: null,
    });
    // The reservation became an occupied place.
    expect(await quotaOf(UNIT.a, 'PUBLIC_SERVICE')).toEqual({ category: 'PUBLIC_SERVICE', approved: 3, occupied: 2, reserved: 0, vacant: 1 });
    expect((await ask('reviewer', APPROVAL, { n: approval.approvalFormNumber })).data!.hiringApproval).toEqual({
      approvalFormNumber: approval.approvalFormNumber,
      status: 'USED',
      persons: 1,
      used: 1,
      remaining: 0,
      uses: [{ person: { idNumber: person }, outcome: 'ENTERED', refusalCode: null, staffingCardNumber: card.number }],
    });
    expect(
      (
        await ask('reviewer', `query C($n: ID!) { staffingCard(number: $n) { number person { idNumber } institution { creditCode } status } }`, {
          n: card.number,
        })
      ).data,
    ).toEqual({ staffingCard: { number: card.number, person: { idNumber: person }, institution: { creditCode: UNIT.a }, status: 'ACTIVE' } });

    // 5. Finance adds the person to the payroll on the card.
    const paid = await ask('finance', PAY, {
      i: {
        idNumber: person,
        name: `新进${person.slice(-4)}`,
        institutionCreditCode: UNIT.a,
        budgetLine: '30101 基本工资',
        monthlyGrossPay: 5860.5,
        staffingCardNumber: card.number,
        fromMonth: '2026-12',
      },
    });
    expect(paid.errors).toBeUndefined();
    expect(paid.data!.addToPayroll.payrollRecord).toEqual({
      onPayroll: true,
      staffingCardNumber: card.number,
      paidFromMonth: '2026-12',
      lastPaidMonth: null,
      budgetLine: '30101 基本工资',
      institution: { creditCode: UNIT.a },
    });

    // The log: each write with who did it, the documents and the rows before and after; each message with what the recipient changed.
    const log = await ask(
      'auditor',
      `query Log($n: String) { operationLog(operationName: $n, first: 50) { nodes { kind outcome actorOffice actorRole actorSub operationName detail } } }`,
    );
    const entries = (log.data!.operationLog.nodes as { kind: string; outcome: string; actorSub: string; operationName: string; detail: string }[]).map((e) => ({
      ...e,
      detail: JSON.parse(e.detail),
    }));
    const changesOf = (name: string) =>
      entries.filter((e) => e.operationName === name && e.outcome === 'ALLOWED').flatMap((e) => (e.detail.changes ?? []) as Record<string, any>[]);
    expect(entries.find((e) => e.operationName === 'Apply' && e.outcome === 'ALLOWED')).toMatchObject({ actorSub: 'unit-a-clerk', kind: 'WRITE' });
    expect(changesOf('Apply')).toContainEqual(expect.objectContaining({ entity: 'HiringApplication', action: 'APPLY_FOR_HIRING', before: null }));
    const approvalLog = entries.find(
      (e) => e.operationName === 'Approve' && e.detail.changes?.some((c: any) => c.after?.approvalFormNumber === approval.approvalFormNumber),
    );
    expect(approvalLog).toMatchObject({ actorSub: 'zhang-reviewer', actorRole: 'REVIEWER' });
    expect(approvalLog!.detail.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'APPROVE_HIRING', caseNumber: `${approval.auditNoticeNumber} ${approval.approvalFormNumber}` }),
        expect.objectContaining({ entity: 'Quota', before: expect.objectContaining({ reserved: 0 }), after: expect.objectContaining({ reserved: 1 }) }),
      ]),
    );
    expect(changesOf('Hire')).toContainEqual(expect.objectContaining({ entity: 'Hire', action: 'RECORD_HIRE', caseNumber: approval.approvalFormNumber }));
    expect(changesOf('message:hr.hireRecorded')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: 'LedgerEntry', action: 'ENTER_HIRE', key: person, before: null }),
        expect.objectContaining({ entity: 'StaffingCard', action: 'ISSUE_STAFFING_CARD', key: card.number }),
        expect.objectContaining({ entity: 'Quota', before: expect.objectContaining({ reserved: 1 }), after: expect.objectContaining({ reserved: 0 }) }),
      ]),
    );
    expect(changesOf('message:staffing.staffingCardIssued').map((c) => c.entity)).toEqual(expect.arrayContaining(['StaffingCardCopy', 'Hire']));
    expect(changesOf('Pay')).toContainEqual(
      expect.objectContaining({ entity: 'PayrollRecord', action: 'ADD_TO_PAYROLL', caseNumber: card.number, before: null }),
    );
  });

  it('enters a hire once when HR’s message arrives again, by the same id (a lost answer) or under a new one', async () => {
    const person = NEW[5]!;
    await hiredWithCard(UNIT.other, person);
    const hrDb = hub.subgraphs.hr.database.db;
    const { outboxMessages } = messaging('hr');
    const ofPerson = and(eq(outboxMessages.topic, 'hr.hireRecorded'), sql`${outboxMessages.payload}->>'idNumber' = ${person}`);
    const [sent] = await hrDb.select().from(outboxMessages).where(ofPerson);
    expect(sent!.deliveredAt).not.toBeNull();
    const cardsBefore = (await ask('reviewer', PERSON, { id: person })).data!.person.staffingCards;
    const quotaBefore = await quotaOf(UNIT.other, 'PUBLIC_SERVICE');

    // The relay's settle was lost: the same message goes out again.
    await hrDb
      .update(outboxMessages)
      .set({ deliveredAt: null, nextAttemptAt: new Date(0) })
      .where(eq(outboxMessages.id, sent!.id));
    expect(await hub.gateway.relay.drain()).toMatchObject({ duplicates: 1, applied: 0, failed: 0 });
    // HR sends the same hire again as a new message.
    await hrDb.transaction((tx: typeof hrDb) => enqueueMessage(tx, outboxMessages, 'hr.hireRecorded', sent!.payload as never, clock));
    expect(await hub.gateway.relay.drain()).toMatchObject({ applied: 1, failed: 0 });
    const [again] = await hrDb
      .select()
      .from(outboxMessages)
      .where(and(ofPerson, sql`${outboxMessages.id} <> ${sent!.id}`));
    expect(again!.result).toMatchObject({ status: 'ALREADY_REPORTED', outcome: 'ENTERED' });

    expect((await ask('reviewer', PERSON, { id: person })).data!.person.staffingCards).toEqual(cardsBefore);
    expect(await quotaOf(UNIT.other, 'PUBLIC_SERVICE')).toEqual(quotaBefore);
  });
});

describe('the rules, each refusal naming the one broken', () => {
  it('refuses approvals without quota, over quota and beyond the vacancy, writing nothing', async () => {
    const apply = async (category: string, persons: number) =>
      (await ask('unitA', APPLY, { i: { institutionCreditCode: UNIT.a, category, persons, reason: '测试' } })).data!.applyForHiring.application.id;
    const before = await quotasOf(UNIT.a);
    const vacant = (await quotaOf(UNIT.a, 'PUBLIC_SERVICE')).vacant as number;
    const cases = [
      ['ADMINISTRATIVE', 1, { code: 'NO_QUOTA' }],
      ['WORKER', 1, { code: 'OVER_QUOTA', limit: 0, actual: 1 }],
      ['PUBLIC_SERVICE', vacant + 1, { code: 'NO_VACANCY', limit: vacant, actual: vacant + 1 }],
    ] as const;
    for (const [category, persons, expected] of cases) {
      const id = await apply(category, persons);
      const answer = await ask('reviewer', APPROVE, { i: { applicationId: id } });
      expect(refusal(answer, 'approveHiring'), category).toMatchObject({ ...expected, field: 'input.applicationId' });
      expect((await ask('reviewer', `query A($id: ID!) { hiringApplication(id: $id) { status approval { approvalFormNumber } } }`, { id })).data).toEqual({
        hiringApplication: { status: 'PENDING', approval: null },
      });
    }
    expect(await quotasOf(UNIT.a)).toEqual(before);
  });

  it('lets only the Staffing Office’s leaders and reviewers decide, once, and a unit operator apply only for its own unit', async () => {
    const other = await ask('unitA', APPLY, { i: { institutionCreditCode: UNIT.other, category: 'PUBLIC_SERVICE', persons: 1, reason: '测试' } });
    expect(refusal(other, 'applyForHiring')).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_UNIT' });
    // A unit operator's lists hold its own unit's applications only.
    await approved(UNIT.other, 1);
    const listed = await ask('unitA', `{ hiringApplications(first: 100) { nodes { institution { creditCode } } } }`);
    expect(new Set(listed.data!.hiringApplications.nodes.map((n: { institution: { creditCode: string } }) => n.institution.creditCode))).toEqual(
      new Set([UNIT.a]),
    );
    const id = (await ask('unitA', APPLY, { i: { institutionCreditCode: UNIT.a, category: 'PUBLIC_SERVICE', persons: 1, reason: '测试' } })).data!
      .applyForHiring.application.id;
    expect(refusal(await ask('staffingOperator', APPROVE, { i: { applicationId: id } }), 'approveHiring')).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_DECIDER',
    });
    expect(refusal(await ask('hr', APPROVE, { i: { applicationId: id } }), 'approveHiring')).toMatchObject({ code: 'FORBIDDEN' });
    const refused = await ask('leader', REFUSE, { i: { applicationId: id, reason: '岗位设置未经批准' } });
    expect(refused.data!.refuseHiring.application).toEqual({ id, status: 'REFUSED', refusalReason: '岗位设置未经批准', approval: null });
    expect(refusal(await ask('reviewer', APPROVE, { i: { applicationId: id } }), 'approveHiring')).toMatchObject({ code: 'APPLICATION_DECIDED' });
    expect(refusal(await ask('reviewer', APPROVE, { i: { applicationId: '999999' } }), 'approveHiring')).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets HR record an in-quota hire only against a valid, unused approval it was told of, for a person not yet in quota', async () => {
    const approval = await approved(UNIT.other, 1);
    await hub.gateway.relay.drain();
    const unknown = await ask('hr', RECORD, { i: hireInput('进编〔2026〕9999号', NEW[1]!) });
    expect(refusal(unknown, 'recordHire')).toMatchObject({ code: 'APPROVAL_NOT_FOUND', field: 'input.approvalFormNumber' });
    const inQuota = await ask('hr', RECORD, { i: hireInput(approval.approvalFormNumber, W1, { name: `在编${W1.slice(-4)}` }) });
    expect(refusal(inQuota, 'recordHire')).toMatchObject({ code: 'ALREADY_IN_QUOTA', field: 'input.idNumber' });
    const early = await ask('hr', RECORD, { i: hireInput(approval.approvalFormNumber, NEW[1]!, { unitJoinDate: '2026-11-30' }) });
    expect(refusal(early, 'recordHire')).toMatchObject({ code: 'INVALID_ARGUMENT', reason: 'JOIN_BEFORE_APPROVAL', field: 'input.unitJoinDate' });
    expect((await ask('hr', RECORD, { i: hireInput(approval.approvalFormNumber, NEW[1]!) })).errors).toBeUndefined();
    const used = await ask('hr', RECORD, { i: hireInput(approval.approvalFormNumber, NEW[2]!) });
    expect(refusal(used, 'recordHire')).toMatchObject({ code: 'APPROVAL_USED', field: 'input.approvalFormNumber' });
    await hub.gateway.relay.drain();
    expect((await ask('reviewer', APPROVAL, { n: approval.approvalFormNumber })).data!.hiringApproval).toMatchObject({ status: 'USED', used: 1 });
  });

  it('lets Finance add an in-quota person only on an active card of theirs at the paying unit it was told of', async () => {
    const person = NEW[6]!;
    const card = await hiredWithCard(UNIT.other, person);
    const pay = (extra: Record<string, unknown>) =>
      ask('finance', PAY, {
        i: {
          idNumber: person,
          name: `新进${person.slice(-4)}`,
          institutionCreditCode: UNIT.other,
          budgetLine: '30101 基本工资',
          monthlyGrossPay: 5000,
          staffingCardNumber: card,
          fromMonth: '2026-12',
          ...extra,
        },
      });
    expect(refusal(await pay({ staffingCardNumber: 'BZ2026999999' }), 'addToPayroll')).toMatchObject({ code: 'NO_ACTIVE_CARD', reason: 'CARD_UNKNOWN' });
    expect(refusal(await pay({ staffingCardNumber: 'BZ410100000002' }), 'addToPayroll')).toMatchObject({ code: 'NO_ACTIVE_CARD', reason: 'CARD_UNKNOWN' });
    expect(refusal(await pay({ institutionCreditCode: UNIT.a }), 'addToPayroll')).toMatchObject({ code: 'NO_ACTIVE_CARD', reason: 'OTHER_UNIT' });
    expect(refusal(await pay({ idNumber: W1 }), 'addToPayroll')).toMatchObject({ code: 'NO_ACTIVE_CARD', reason: 'OTHER_PERSON' });

    // The person leaves (a removal): the card is cancelled, its history says so, and Finance is told.
    const removed = await ask('staffingOperator', `mutation R($i: ReportRemovalInput!) { reportRemoval(input: $i) { removal { reason } } }`, {
      i: { idNumber: person, reason: 'RESIGNATION', effectiveOn: TODAY },
    });
    expect(removed.errors).toBeUndefined();
    expect(await hub.gateway.relay.drain()).toMatchObject({ failed: 0 });
    const [after] = (await ask('reviewer', PERSON, { id: person })).data!.person.staffingCards;
    expect(after).toMatchObject({ status: 'REVOKED', history: [{ kind: 'ISSUED' }, { kind: 'CANCELLED', on: TODAY, note: 'RESIGNATION' }] });
    expect(refusal(await pay({}), 'addToPayroll')).toMatchObject({ code: 'NO_ACTIVE_CARD', reason: 'CARD_CANCELLED', field: 'input.staffingCardNumber' });
    expect((await ask('reviewer', PERSON, { id: person })).data!.person.payroll).toBeNull();
  });
});

describe('one person, one card', () => {
  it('does not issue a second card to a person who holds one, on the ledger or not, though HR recorded the hire', async () => {
    // E1 is on unit A's ledger with an active card, E4 holds one of unit A off the ledger; HR has both as unit A's temporary staff
    // and records their hires into another unit.
    const approval = await approved(UNIT.cards, 2);
    await hub.gateway.relay.drain();
    for (const [id, card] of [
      [E1, 'BZ410100000001'],
      [E4, 'BZ410100000004'],
    ] as const) {
      const hired = await ask('hr', RECORD, { i: hireInput(approval.approvalFormNumber, id, { name: `在编${id.slice(-4)}` }) });
      expect(hired.errors).toBeUndefined();
      expect(await hub.gateway.relay.drain()).toMatchObject({ failed: 0 });
      const person = (await ask('reviewer', PERSON, { id })).data!.person;
      expect(person.staffingCards.map((c: { number: string; status: string }) => [c.number, c.status])).toEqual([[card, 'ACTIVE']]);
      expect(person.hires).toEqual([{ approvalFormNumber: approval.approvalFormNumber, staffingCardNumber: null }]);
    }
    expect((await ask('reviewer', APPROVAL, { n: approval.approvalFormNumber })).data!.hiringApproval).toMatchObject({
      status: 'ACTIVE',
      used: 0,
      remaining: 2,
      uses: expect.arrayContaining([
        { person: { idNumber: E1 }, outcome: 'REFUSED', refusalCode: 'ALREADY_IN_QUOTA', staffingCardNumber: null },
        { person: { idNumber: E4 }, outcome: 'REFUSED', refusalCode: 'ALREADY_IN_QUOTA', staffingCardNumber: null },
      ]),
    });
    expect((await ask('reviewer', PERSON, { id: E4 })).data!.person.ledgerEntry).toBeNull();
    // Nobody was entered: the reservations are kept for others.
    expect(await quotaOf(UNIT.cards, 'PUBLIC_SERVICE')).toEqual({ category: 'PUBLIC_SERVICE', approved: 2, occupied: 0, reserved: 2, vacant: 0 });
  });
});

describe('two approvals racing for the last vacancy', () => {
  it('lets exactly one win', async () => {
    const apply = async () =>
      (await ask('staffingOperator', APPLY, { i: { institutionCreditCode: UNIT.race, category: 'PUBLIC_SERVICE', persons: 1, reason: '争最后一个空编' } }))
        .data!.applyForHiring.application.id;
    const [first, second] = [await apply(), await apply()];
    const [h1, h2] = [await hub.as(VIEWERS.reviewer), await hub.as(VIEWERS.secondReviewer)];
    const answers = await Promise.all([hub.query(APPROVE, { i: { applicationId: first } }, h1), hub.query(APPROVE, { i: { applicationId: second } }, h2)]);
    const won = answers.filter((a) => a.data?.approveHiring?.approval);
    const lost = answers.filter((a) => !a.data?.approveHiring?.approval);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(refusal(lost[0]!, 'approveHiring')).toMatchObject({ code: 'NO_VACANCY', limit: 0, actual: 1 });
    expect(await quotaOf(UNIT.race, 'PUBLIC_SERVICE')).toEqual({ category: 'PUBLIC_SERVICE', approved: 1, occupied: 0, reserved: 1, vacant: 0 });
  });
});

describe('freezing a unit', () => {
  it('stops its applications and approvals until it is unfrozen, each change with a reason and document number', async () => {
    const pending = (
      await ask('unitFrozen', APPLY, { i: { institutionCreditCode: UNIT.frozen, category: 'PUBLIC_SERVICE', persons: 1, reason: '冻结前申请' } })
    ).data!.applyForHiring.application.id;
    expect(
      refusal(
        await ask('staffingOperator', FREEZE, { i: { institutionCreditCode: UNIT.frozen, reason: '逾期未报', documentNumber: '编办〔2026〕12号' } }),
        'freezeUnit',
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_DECIDER' });
    const frozen = await ask('leader', FREEZE, {
      i: { institutionCreditCode: UNIT.frozen, reason: '连续三个月未报人员变动', documentNumber: '编办〔2026〕12号' },
    });
    expect(frozen.data!.freezeUnit.freeze).toEqual({
      frozenOn: TODAY,
      reason: '连续三个月未报人员变动',
      documentNumber: '编办〔2026〕12号',
      active: true,
      unfrozenOn: null,
    });
    expect(
      refusal(await ask('leader', FREEZE, { i: { institutionCreditCode: UNIT.frozen, reason: '再冻', documentNumber: '编办〔2026〕13号' } }), 'freezeUnit'),
    ).toMatchObject({
      code: 'FREEZE_STATE',
    });

    const applied = await ask('unitFrozen', APPLY, { i: { institutionCreditCode: UNIT.frozen, category: 'PUBLIC_SERVICE', persons: 1, reason: '冻结中申请' } });
    expect(refusal(applied, 'applyForHiring')).toMatchObject({ code: 'UNIT_FROZEN', field: 'input.institutionCreditCode' });
    expect(refusal(await ask('reviewer', APPROVE, { i: { applicationId: pending } }), 'approveHiring')).toMatchObject({ code: 'UNIT_FROZEN' });
    expect(await quotasOf(UNIT.frozen)).toMatchObject({ frozen: true, quotas: [{ reserved: 0 }] });

    const unfrozen = await ask('leader', UNFREEZE, { i: { institutionCreditCode: UNIT.frozen, reason: '已补报', documentNumber: '编办〔2026〕15号' } });
    expect(unfrozen.data!.unfreezeUnit.freeze).toEqual({
      frozenOn: TODAY,
      documentNumber: '编办〔2026〕12号',
      active: false,
      unfrozenOn: TODAY,
      unfreezeReason: '已补报',
      unfreezeDocumentNumber: '编办〔2026〕15号',
    });
    expect(
      refusal(await ask('leader', UNFREEZE, { i: { institutionCreditCode: UNIT.frozen, reason: '再解', documentNumber: '编办〔2026〕16号' } }), 'unfreezeUnit'),
    ).toMatchObject({
      code: 'FREEZE_STATE',
    });
    expect((await ask('reviewer', APPROVE, { i: { applicationId: pending } })).data!.approveHiring.approval).toMatchObject({ status: 'ACTIVE' });
    expect(await quotasOf(UNIT.frozen)).toEqual({
      frozen: false,
      freezes: [
        { frozenOn: TODAY, reason: '连续三个月未报人员变动', documentNumber: '编办〔2026〕12号', active: false, unfreezeDocumentNumber: '编办〔2026〕15号' },
      ],
      quotas: [{ category: 'PUBLIC_SERVICE', approved: 5, occupied: 0, reserved: 1, vacant: 4 }],
    });
  });
});

describe('approvals not used in time (跟踪问效)', () => {
  const UNUSED = `query Unused($m: Int) {
    unusedHiringApprovals(olderThanMonths: $m, first: 100) { totalCount nodes { approvalFormNumber status remaining institution { creditCode } } }
  }`;

  it('are listed after the configured months, refused by HR once expired, and withdrawn releasing their reservation', async () => {
    const approval = await approved(UNIT.withdraw, 2);
    await hub.gateway.relay.drain();
    const listed = async (months?: number) =>
      (await ask('reviewer', UNUSED, { m: months })).data!.unusedHiringApprovals.nodes.filter(
        (n: { approvalFormNumber: string }) => n.approvalFormNumber === approval.approvalFormNumber,
      );
    expect(await listed()).toEqual([]);
    expect(await listed(0)).toEqual([
      { approvalFormNumber: approval.approvalFormNumber, status: 'ACTIVE', remaining: 2, institution: { creditCode: UNIT.withdraw } },
    ]);
    expect((await quotaOf(UNIT.withdraw, 'PUBLIC_SERVICE')).reserved).toBe(2);

    // Seven months on, nobody hired: the approval is past its validity and listed; HR refuses it.
    clock = new Date('2027-07-01T02:00:00Z');
    try {
      expect(await listed()).toEqual([
        { approvalFormNumber: approval.approvalFormNumber, status: 'EXPIRED', remaining: 2, institution: { creditCode: UNIT.withdraw } },
      ]);
      const late = await ask('hr', RECORD, { i: hireInput(approval.approvalFormNumber, NEW[3]!, { unitJoinDate: '2027-06-30' }) });
      expect(refusal(late, 'recordHire')).toMatchObject({ code: 'APPROVAL_EXPIRED' });

      const withdrawal = { approvalFormNumber: approval.approvalFormNumber, reason: '逾期未使用，收回', documentNumber: '编办〔2027〕7号' };
      expect(refusal(await ask('staffingOperator', WITHDRAW, { i: withdrawal }), 'withdrawHiringApproval')).toMatchObject({ reason: 'NOT_DECIDER' });
      const withdrawn = await ask('reviewer', WITHDRAW, { i: withdrawal });
      expect(withdrawn.data!.withdrawHiringApproval.approval).toEqual({
        approvalFormNumber: approval.approvalFormNumber,
        status: 'WITHDRAWN',
        remaining: 0,
        used: 0,
        withdrawnOn: '2027-07-01',
        withdrawalReason: '逾期未使用，收回',
        withdrawalDocumentNumber: '编办〔2027〕7号',
      });
      expect(await quotaOf(UNIT.withdraw, 'PUBLIC_SERVICE')).toMatchObject({ reserved: 0, vacant: 4 });
      expect(await listed()).toEqual([]);
      expect(refusal(await ask('reviewer', WITHDRAW, { i: withdrawal }), 'withdrawHiringApproval')).toMatchObject({ code: 'APPROVAL_WITHDRAWN' });

      // HR is told: the withdrawal, not the expiry, is what it answers now.
      expect(await hub.gateway.relay.drain()).toMatchObject({ failed: 0 });
      const after = await ask('hr', RECORD, { i: hireInput(approval.approvalFormNumber, NEW[3]!, { unitJoinDate: '2027-06-30' }) });
      expect(refusal(after, 'recordHire')).toMatchObject({ code: 'APPROVAL_WITHDRAWN' });
    } finally {
      clock = T0;
    }
  });
});
