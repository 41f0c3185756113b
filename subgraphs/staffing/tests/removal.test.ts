import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idNumberCheckChar, type Viewer } from '@hub/schema';
import { openTestDatabase, runOperation } from '@hub/schema/testing';
import { createContext } from '../src/context.ts';
import type { StaffingDb } from '../src/db/queries.ts';
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

const run = (query: string, variables: Record<string, unknown>, viewer: Viewer | null) =>
  runOperation(server, createContext(database.db, viewer), query, variables);

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
    ledgerEntries: [entry(TEACHER, SCHOOL, '王伟', 'SY0'), entry(NURSE, HOSPITAL, '李娜', 'SY1')],
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
  });

  it("lets a unit operator remove its own unit's person: off the ledger, card revoked, removal recorded, changes reported for the log", async () => {
    const result = await run(REPORT, { i: { idNumber: TEACHER, reason: 'RETIREMENT', effectiveOn: '2026-06-30' } }, schoolClerk);
    expect(result.data).toEqual({
      reportRemoval: { removal: { reason: 'RETIREMENT', effectiveOn: '2026-06-30', institution: { creditCode: SCHOOL }, person: { idNumber: TEACHER } } },
    });
    expect(await state(TEACHER)).toEqual({ ledgerEntry: null, staffingCards: [{ number: 'SY0', status: 'REVOKED' }], removals: [{ reason: 'RETIREMENT' }] });
    const audit = result.extensions?.audit as { entity: string; key: string; before: any; after: any }[];
    expect(audit.map((a) => [a.entity, a.key, a.before?.status ?? a.before?.name ?? null, a.after?.status ?? a.after?.reason ?? null])).toEqual([
      ['LedgerEntry', TEACHER, '王伟', null],
      ['StaffingCard', 'SY0', 'ACTIVE', 'REVOKED'],
      ['Removal', expect.any(String), null, 'RETIREMENT'],
    ]);
  });
});
