import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { creditCodeCheckChar, idNumberCheckChar, type Viewer } from '@hub/schema';
import { openTestDatabase, runOperation } from '@hub/schema/testing';
import { createContext } from '../src/context.ts';
import type { StaffingDb } from '../src/db/queries.ts';
import { quotas } from '../src/db/schema.ts';
import { syncVacantSince } from '../src/db/syncVacantSince.ts';
import { createServer, staffing } from '../src/server.ts';

/**
 * syncVacantSince, the one function that keeps quotas.vacant_since, as the other writes call it: on
 * its own after a change of approved, reserved or the ledger, and inside reportRemoval.
 */
const code = (body: string) => body + creditCodeCheckChar(body);
const id = (body: string) => body + idNumberCheckChar(body);
const SCHOOL = code('12410100MB0000002');
const TEACHERS = [id('41010219850317001'), id('41010219860317002'), id('41010219870317003')];

let database: Awaited<ReturnType<typeof openTestDatabase<StaffingDb>>>;
const server = createServer();
const operator: Viewer = { office: 'staffing', role: 'OPERATOR', sub: 'op' };
const quota = async (category: 'PUBLIC_SERVICE' | 'WORKER') =>
  (
    await database.db
      .select()
      .from(quotas)
      .where(and(eq(quotas.institutionCreditCode, SCHOOL), eq(quotas.category, category)))
  )[0]!;
const setQuota = (category: 'PUBLIC_SERVICE' | 'WORKER', values: { approved?: number; reserved?: number }) =>
  database.db
    .update(quotas)
    .set(values)
    .where(and(eq(quotas.institutionCreditCode, SCHOOL), eq(quotas.category, category)));
const key = (category: 'PUBLIC_SERVICE' | 'WORKER') => ({ institutionCreditCode: SCHOOL, category });

beforeAll(async () => {
  database = await openTestDatabase(staffing);
  await staffing.seed(database.db, {
    institutions: [{ creditCode: SCHOOL, name: '某市第一中学', kind: 'PUBLIC_INSTITUTION', level: 'CITY', system: 'EDUCATION', fundingForm: 'FULL' }],
    quotas: [
      { institutionCreditCode: SCHOOL, category: 'PUBLIC_SERVICE', approved: 3, reserved: 0, vacantSince: null },
      { institutionCreditCode: SCHOOL, category: 'WORKER', approved: 2, reserved: 0, vacantSince: '2023-04-01' },
    ],
    ledgerEntries: TEACHERS.map((idNumber, i) => ({
      idNumber,
      institutionCreditCode: SCHOOL,
      quotaCategory: 'PUBLIC_SERVICE' as const,
      name: ['王伟', '李娜', '张敏'][i]!,
      ethnicity: '汉族',
      nativePlace: '河南郑州',
      politicalStatus: '群众',
      post: '教师',
      workStartDate: '2008-09-01',
      unitJoinDate: '2010-09-01',
      staffingCardNumber: `SY${i}`,
    })),
    staffingCards: TEACHERS.map((idNumber, i) => ({
      number: `SY${i}`,
      idNumber,
      institutionCreditCode: SCHOOL,
      category: 'PUBLIC_SERVICE' as const,
      issuedOn: '2010-09-01',
      status: 'ACTIVE' as const,
    })),
    removals: [],
  });
});
afterAll(() => database.close());

describe('syncVacantSince', () => {
  it('starts a full quota that gains a vacancy today, keeps the day while a vacancy remains, clears it when full', async () => {
    await setQuota('PUBLIC_SERVICE', { approved: 5 });
    const started = await syncVacantSince(database.db, [key('PUBLIC_SERVICE')], '2026-12-02');
    expect(started.map((c) => [c.before.vacantSince, c.after.vacantSince])).toEqual([[null, '2026-12-02']]);
    await setQuota('PUBLIC_SERVICE', { approved: 4 });
    expect(await syncVacantSince(database.db, [key('PUBLIC_SERVICE')], '2027-01-05')).toEqual([]);
    expect((await quota('PUBLIC_SERVICE')).vacantSince).toBe('2026-12-02');
    // The last vacancy held by an approval: not idle any more.
    await setQuota('PUBLIC_SERVICE', { reserved: 1 });
    await syncVacantSince(database.db, [key('PUBLIC_SERVICE')], '2027-01-06');
    expect((await quota('PUBLIC_SERVICE')).vacantSince).toBeNull();
    // A key without a quota row is skipped; a quota no write touched keeps its day.
    expect(await syncVacantSince(database.db, [{ institutionCreditCode: SCHOOL, category: 'ADMINISTRATIVE' }], '2027-01-06')).toEqual([]);
    expect((await quota('WORKER')).vacantSince).toBe('2023-04-01');
  });

  it('dates the vacancy a removal leaves from the day the person left', async () => {
    await setQuota('PUBLIC_SERVICE', { approved: 3, reserved: 0 });
    await syncVacantSince(database.db, [key('PUBLIC_SERVICE')], '2027-01-06');
    expect((await quota('PUBLIC_SERVICE')).vacantSince).toBeNull();
    const result = await runOperation(
      server,
      createContext(database.db, operator),
      `mutation($i: ReportRemovalInput!) { reportRemoval(input: $i) { removal { effectiveOn } } }`,
      { i: { idNumber: TEACHERS[0], reason: 'RETIREMENT', effectiveOn: '2026-06-30' } },
    );
    expect(result.errors).toBeUndefined();
    expect((await quota('PUBLIC_SERVICE')).vacantSince).toBe('2026-06-30');
  });
});
