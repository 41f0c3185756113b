import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idNumberCheckChar, type Viewer } from '@hub/schema';
import { openTestDatabase, runOperation } from '@hub/schema/testing';
import { createContext } from '../src/context.ts';
import type { StaffingDb } from '../src/db/queries.ts';
import { outboxMessages, stopPayNotices } from '../src/db/schema.ts';
import { createServer, staffing } from '../src/server.ts';

const code = (body: string) => body + creditCodeCheckChar(body);
const id = (body: string) => body + idNumberCheckChar(body);
const SCHOOL = code('12410100MB0000002');
const HOSPITAL = code('12410100MB0000006');
const TEACHER = id('41010219850317001');
const NURSE = id('41010219900102002');

let database: Awaited<ReturnType<typeof openTestDatabase<StaffingDb>>>;
const server = createServer();
const schoolClerk: Viewer = { office: 'staffing', role: 'UNIT_OPERATOR', sub: 'school-clerk', unit: SCHOOL };

/** 20 November 2026, 10:00 in Beijing. */
const NOW = new Date('2026-11-20T02:00:00Z');
const run = (query: string, variables: Record<string, unknown>, viewer: Viewer | null) =>
  runOperation(
    server,
    createContext(database.db, viewer, () => NOW),
    query,
    variables,
  );
const office: Viewer = { office: 'staffing', role: 'OPERATOR', sub: 'bb-clerk' };
/** Ten more teachers of the school, removed at once in the last test. */
const MORE = Array.from({ length: 10 }, (_, i) => id(`41010219860101${String(i).padStart(2, '0')}1`));
/** The stop-pay notices' messages (a removal also tells HR and Finance of each card it cancels). */
const outbox = () => database.db.select().from(outboxMessages).where(eq(outboxMessages.topic, 'staffing.stopPayNotice'));
const notices = () => database.db.select().from(stopPayNotices);

const REPORT = `mutation($i: ReportRemovalInput!) { reportRemoval(input: $i) { removal { reason effectiveOn institution { creditCode } person { idNumber } } } }`;
const STATE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ledgerEntry { name } staffingCards { number status } removals { reason } } } }`;
const state = async (idNumber: string) => ((await run(STATE, { r: [{ __typename: 'Person', idNumber }] }, null)).data as any)._entities[0];

beforeAll(async () => {
  database = await openTestDatabase(staffing);
  const institution = (creditCode: string, name: string) => ({
    creditCode,
    name,
    kind: 'PUBLIC_INSTITUTION' as const,
    level: 'CITY' as const,
    system: 'EDUCATION' as const,
    fundingForm: 'FULL' as const,
  });
  const entry = (idNumber: string, unit: string, name: string, card: string) => ({
    idNumber,
    institutionCreditCode: unit,
    quotaCategory: 'PUBLIC_SERVICE' as const,
    name,
    ethnicity: '汉族',
    nativePlace: '河南郑州',
    politicalStatus: '群众',
    post: '教师',
    workStartDate: '2008-09-01',
    unitJoinDate: '2010-09-01',
    staffingCardNumber: card,
  });
  await staffing.seed(database.db, {
    institutions: [institution(SCHOOL, '某市第一中学'), institution(HOSPITAL, '某市人民医院')],
    quotas: [],
    ledgerEntries: [
      entry(TEACHER, SCHOOL, '王伟', 'SY0'),
      entry(NURSE, HOSPITAL, '李娜', 'SY1'),
      ...MORE.map((m, i) => entry(m, SCHOOL, `教师${i}`, `SX${i}`)),
    ],
    staffingCards: [
      { number: 'SY0', idNumber: TEACHER, institutionCreditCode: SCHOOL, category: 'PUBLIC_SERVICE', issuedOn: '2010-09-01', status: 'ACTIVE' },
      { number: 'SY1', idNumber: NURSE, institutionCreditCode: HOSPITAL, category: 'PUBLIC_SERVICE', issuedOn: '2010-09-01', status: 'ACTIVE' },
    ],
    removals: [],
  });
});
afterAll(() => database.close());

describe('reportRemoval (人员核减)', () => {
  it("refuses a report on another unit's person, a future or pre-joining date and an unknown person, writing nothing", async () => {
    const refusals = [
      [{ idNumber: NURSE, reason: 'RESIGNATION', effectiveOn: '2026-06-30' }, schoolClerk, 'FORBIDDEN'],
      [{ idNumber: TEACHER, reason: 'RETIREMENT', effectiveOn: '2999-01-01' }, schoolClerk, 'INVALID_ARGUMENT'],
      [{ idNumber: TEACHER, reason: 'RETIREMENT', effectiveOn: '2009-01-01' }, schoolClerk, 'INVALID_ARGUMENT'],
      [{ idNumber: id('41010219950101005'), reason: 'DEATH', effectiveOn: '2026-06-30' }, schoolClerk, 'NOT_FOUND'],
      [{ idNumber: TEACHER, reason: 'RETIREMENT', effectiveOn: '2026-06-30' }, { office: 'hr', role: 'OPERATOR', sub: 'x' }, 'FORBIDDEN'],
    ] as const;
    for (const [input, viewer, codeWanted] of refusals) {
      const result = await run(REPORT, { i: input }, viewer);
      expect([input.idNumber, result.errors?.[0]?.extensions?.code]).toEqual([input.idNumber, codeWanted]);
    }
    expect(await state(TEACHER)).toEqual({ ledgerEntry: { name: '王伟' }, staffingCards: [{ number: 'SY0', status: 'ACTIVE' }], removals: [] });
    expect(await state(NURSE)).toEqual({ ledgerEntry: { name: '李娜' }, staffingCards: [{ number: 'SY1', status: 'ACTIVE' }], removals: [] });
    expect([await notices(), await outbox()]).toEqual([[], []]);
  });

  it("lets a unit operator remove its own unit's person: off the ledger, card revoked, removal recorded, a stop-pay notice issued with its message, all reported for the log", async () => {
    const result = await run(
      `mutation($i: ReportRemovalInput!) { reportRemoval(input: $i) { removal { reason effectiveOn institution { creditCode } person { idNumber }
        stopPayNotice { number reason effectiveOn stopFromMonth issuedAt delivered deliveredAt appliedAt deliveryAttempts waitingSeconds outcome } } } }`,
      { i: { idNumber: TEACHER, reason: 'RETIREMENT', effectiveOn: '2026-06-30' } },
      schoolClerk,
    );
    expect(result.data).toEqual({
      reportRemoval: {
        removal: {
          reason: 'RETIREMENT',
          effectiveOn: '2026-06-30',
          institution: { creditCode: SCHOOL },
          person: { idNumber: TEACHER },
          stopPayNotice: {
            number: '停拨〔2026〕00001号',
            reason: 'RETIREMENT',
            effectiveOn: '2026-06-30',
            stopFromMonth: '2026-07',
            issuedAt: NOW.toISOString(),
            delivered: false,
            deliveredAt: null,
            appliedAt: null,
            deliveryAttempts: 0,
            waitingSeconds: 0,
            outcome: null,
          },
        },
      },
    });
    expect(await state(TEACHER)).toEqual({ ledgerEntry: null, staffingCards: [{ number: 'SY0', status: 'REVOKED' }], removals: [{ reason: 'RETIREMENT' }] });
    const [message] = await outbox();
    expect(message).toMatchObject({
      topic: 'staffing.stopPayNotice',
      recipient: 'finance',
      payload: {
        noticeNumber: '停拨〔2026〕00001号',
        idNumber: TEACHER,
        institutionCreditCode: SCHOOL,
        reason: 'RETIREMENT',
        effectiveOn: '2026-06-30',
        stopFromMonth: '2026-07',
        issuedAt: NOW.toISOString(),
      },
      createdAt: NOW,
      deliveredAt: null,
    });
    const audit = result.extensions?.audit as { entity: string; key: string; before: any; after: any; action?: string; caseNumber?: string }[];
    const shown = (a: (typeof audit)[number]) => [
      a.entity,
      a.key,
      a.before?.status ?? a.before?.name ?? null,
      a.after?.status ?? a.after?.reason ?? a.after?.kind ?? null,
    ];
    expect(audit.map(shown)).toEqual([
      ['LedgerEntry', TEACHER, '王伟', null],
      ['StaffingCard', 'SY0', 'ACTIVE', 'REVOKED'],
      ['StaffingCardEvent', expect.any(String), null, 'CANCELLED'],
      ['Removal', expect.any(String), null, 'RETIREMENT'],
      ['StopPayNotice', '停拨〔2026〕00001号', null, 'RETIREMENT'],
    ]);
    expect(audit[3]!.after.stopPayNoticeNumber).toBe('停拨〔2026〕00001号');
    expect(audit[4]!.after.messageId).toBe(message!.id);
    expect(audit.every((a) => a.caseNumber === '停拨〔2026〕00001号')).toBe(true);
    // The card's history names the notice it was cancelled under.
    const history = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { staffingCards { history { kind on documentNumber } } } } }`,
      { r: [{ __typename: 'Person', idNumber: TEACHER }] },
      null,
    );
    expect((history.data as any)._entities[0].staffingCards[0].history).toEqual([
      { kind: 'CANCELLED', on: '2026-06-30', documentNumber: '停拨〔2026〕00001号' },
    ]);
  });

  it('numbers notices issued at once one apart, each with its own message, none twice', async () => {
    const results = await Promise.all(MORE.map((idNumber) => run(REPORT, { i: { idNumber, reason: 'TRANSFER_OUT', effectiveOn: '2026-11-19' } }, office)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const issued = (await notices()).filter((n) => MORE.includes(n.idNumber));
    expect(issued.map((n) => n.number).sort()).toEqual(MORE.map((_, i) => `停拨〔2026〕${String(i + 2).padStart(5, '0')}号`));
    const messages = new Map((await outbox()).map((m) => [m.id, m]));
    expect(issued.every((n) => (messages.get(n.messageId)?.payload as { noticeNumber?: string } | undefined)?.noticeNumber === n.number)).toBe(true);
    expect(messages.size).toBe(11);
  });
});
