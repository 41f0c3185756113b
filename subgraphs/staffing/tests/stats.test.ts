import { creditCodeCheckChar, idNumberCheckChar, type Viewer } from '@hub/schema';
import { openTestDatabase, runOperation } from '@hub/schema/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.ts';
import type { StaffingDb } from '../src/db/queries.ts';
import { createServer, staffing } from '../src/server.ts';

/** The Staffing Office's statistics on known data: three units, the ledger of each, their quotas. */
const id = (body: string) => body + idNumberCheckChar(body);
const code = (body: string) => body + creditCodeCheckChar(body);
const FULL = code('11410100MB0000011'); // 3 of 3: exactly full
const OVER = code('12410100MB0000012'); // 2 of 1 plus one reserved
const EMPTY = code('12410200MB0000013'); // 1 of 4, district, vacant since 2026-01-01

let database: Awaited<ReturnType<typeof openTestDatabase<StaffingDb>>>;
const server = createServer();
const REVIEWER: Viewer = { office: 'staffing', role: 'REVIEWER', sub: 'staffing-reviewer' };
const now = () => new Date('2026-12-02T02:00:00Z');
const run = (query: string, variables?: Record<string, unknown>, viewer: Viewer | null = REVIEWER) =>
  runOperation(server, { ...createContext(database.db, viewer), now }, query, variables);

const entry = (unit: string, body: string, category: 'ADMINISTRATIVE' | 'PUBLIC_SERVICE', politicalStatus: string) => ({
  idNumber: id(body),
  institutionCreditCode: unit,
  quotaCategory: category,
  name: `人员${body.slice(-3)}`,
  ethnicity: '汉族',
  nativePlace: '河南郑州',
  politicalStatus,
  post: '科员',
  workStartDate: '2010-07-01',
  unitJoinDate: '2012-03-01',
  staffingCardNumber: null,
});

beforeAll(async () => {
  database = await openTestDatabase(staffing);
  const institution = (creditCode: string, name: string, level: 'CITY' | 'DISTRICT', kind: 'GOVERNMENT_ORGAN' | 'PUBLIC_INSTITUTION') => ({
    creditCode,
    name,
    kind,
    level,
    system: 'EDUCATION' as const,
    fundingForm: 'FULL' as const,
    parentCreditCode: null,
    leadershipPostsApproved: 1,
  });
  await staffing.seed(database.db, {
    institutions: [
      institution(FULL, '甲局', 'CITY', 'GOVERNMENT_ORGAN'),
      institution(OVER, '乙校', 'CITY', 'PUBLIC_INSTITUTION'),
      institution(EMPTY, '丙所', 'DISTRICT', 'PUBLIC_INSTITUTION'),
    ],
    quotas: [
      { institutionCreditCode: FULL, category: 'ADMINISTRATIVE', approved: 3, reserved: 0, vacantSince: null },
      { institutionCreditCode: OVER, category: 'PUBLIC_SERVICE', approved: 2, reserved: 1, vacantSince: null },
      { institutionCreditCode: EMPTY, category: 'PUBLIC_SERVICE', approved: 4, reserved: 0, vacantSince: '2026-01-01' },
    ],
    ledgerEntries: [
      entry(FULL, '41010219800101001', 'ADMINISTRATIVE', '中共党员'),
      entry(FULL, '41010219810101002', 'ADMINISTRATIVE', '中共党员'),
      entry(FULL, '41010219820101003', 'ADMINISTRATIVE', '群众'),
      entry(OVER, '41010219830101004', 'PUBLIC_SERVICE', '群众'),
      entry(OVER, '41010219840101005', 'PUBLIC_SERVICE', '民盟盟员'),
      entry(EMPTY, '41010219850101006', 'PUBLIC_SERVICE', '群众'),
    ],
    staffingCards: [],
    removals: [],
  });
});
afterAll(() => database.close());

const SCOPE = `query($s: StaffScopeInput) { staffScope(scope: $s) { id label institutionCount creditCodes
  quotaUse { total { approved occupied reserved vacant overQuota } red yellow green }
  institutionQuotaUse { nodes { institution { name } light reasons vacancyRate longestIdleMonths } }
  ledgerStructure(dimension: POLITICAL_STATUS, by: QUOTA_CATEGORY) { base baseCount cells { value byValue count share } }
  quotaAlerts { kind institution { name } value threshold }
  leadershipPostsApproved { creditCode approved } } }`;

describe('staffing statistics', () => {
  it('rolls up quota use, lights each unit, and breaks down the ledger, all on known data', async () => {
    const result = await run(SCOPE, {});
    expect(result.errors).toBeUndefined();
    const s = (result.data as any).staffScope;
    expect(s).toMatchObject({ id: 'all', label: '全市', institutionCount: 3 });
    // Approved 9; occupied 6; reserved 1; vacant 0 + 0 + 3; over: 乙校 2 + 1 − 2 = 1.
    expect(s.quotaUse).toEqual({ total: { approved: 9, occupied: 6, reserved: 1, vacant: 3, overQuota: 1 }, red: 1, yellow: 1, green: 1 });
    expect(s.institutionQuotaUse.nodes.map((n: any) => [n.institution.name, n.light, n.reasons, n.vacancyRate, n.longestIdleMonths])).toEqual([
      ['乙校', 'RED', ['OVER_QUOTA'], 0, null],
      ['丙所', 'YELLOW', ['VACANCY_RATE'], 75, 11],
      ['甲局', 'GREEN', [], 0, null],
    ]);
    expect(s.ledgerStructure).toMatchObject({ base: 'IN_QUOTA_STAFF', baseCount: 6 });
    expect(s.ledgerStructure.cells.map((c: any) => [c.value, c.byValue, c.count, c.share])).toEqual([
      ['群众', 'ADMINISTRATIVE', 1, 16.7],
      ['群众', 'PUBLIC_SERVICE', 2, 33.3],
      ['中共党员', 'ADMINISTRATIVE', 2, 33.3],
      ['民盟盟员', 'PUBLIC_SERVICE', 1, 16.7],
    ]);
    expect(s.quotaAlerts).toEqual([{ kind: 'OVER_QUOTA', institution: { name: '乙校' }, value: 1, threshold: 0 }]);
    expect(s.leadershipPostsApproved).toHaveLength(3);
  });

  it('writes one id for one scope, and reads it back from a reference', async () => {
    const a = await run(SCOPE, { s: { kind: 'PUBLIC_INSTITUTION', level: 'CITY' } });
    expect((a.data as any).staffScope).toMatchObject({ id: 'level=CITY;kind=PUBLIC_INSTITUTION', label: '市直·事业单位', creditCodes: [OVER] });
    const ref = await run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffScope { label institutionCount } } }`, {
      r: [{ __typename: 'StaffScope', id: 'level=CITY;kind=PUBLIC_INSTITUTION' }],
    });
    expect((ref.data as any)._entities).toEqual([{ label: '市直·事业单位', institutionCount: 1 }]);
    const bad = await run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffScope { label } } }`, {
      r: [{ __typename: 'StaffScope', id: 'kind=PUBLIC_INSTITUTION;level=CITY' }],
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_ARGUMENT');
  });

  it('refuses the report outside 1949–2200 with a coded bilingual error', async () => {
    const result = await run(`{ structureReport(year: 1800) { title } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_ARGUMENT');
    expect(result.errors?.[0]?.message).toContain(' / ');
  });
});
