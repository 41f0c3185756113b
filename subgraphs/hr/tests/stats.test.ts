import { creditCodeCheckChar, idNumberCheckChar, type Viewer } from '@hub/schema';
import { openTestDatabase, runOperation } from '@hub/schema/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.ts';
import type { HrDb } from '../src/db/queries.ts';
import { createServer, hr } from '../src/server.ts';

/**
 * HR's statistics over a scope, as the gateway asks for them: `_entities` with the scope's credit
 * codes in the reference (@requires). Known data: two units in the scope, one outside it.
 */
const id = (body: string) => body + idNumberCheckChar(body);
const code = (body: string) => body + creditCodeCheckChar(body);
const SCHOOL = code('12410100MB0000002');
const CLINIC = code('12410100MB0000003');
const OUTSIDE = code('12410100MB0000004');

const people = [
  // unit, ID body (birth date, sequence: odd = man), ethnicity, title, type
  [SCHOOL, '41010219850317001', '汉族', 'INTERMEDIATE', 'IN_QUOTA'],
  [SCHOOL, '41010219900101002', '回族', 'JUNIOR', 'IN_QUOTA'],
  [SCHOOL, '41010219700101004', '汉族', null, 'LABOR_DISPATCH'],
  [CLINIC, '41010219750505013', '汉族', 'SENIOR', 'IN_QUOTA'],
  [CLINIC, '41010219991231024', '满族', null, 'TEMPORARY'],
  [OUTSIDE, '41010219800808035', '汉族', 'SENIOR', 'IN_QUOTA'],
] as const;

let database: Awaited<ReturnType<typeof openTestDatabase<HrDb>>>;
const server = createServer();
const REVIEWER: Viewer = { office: 'staffing', role: 'REVIEWER', sub: 'staffing-reviewer' };
const run = (query: string, variables?: Record<string, unknown>, viewer: Viewer | null = REVIEWER) =>
  runOperation(server, createContext(database.db, viewer), query, variables);
const scope = { __typename: 'StaffScope', id: 'level=CITY', creditCodes: [SCHOOL, CLINIC] };
const ENTITIES = `query($r: [_Any!]!, $asOf: Date) { _entities(representations: $r) { ... on StaffScope {
  byTitle: structure(dimension: ETHNICITY, by: TITLE_LEVEL, asOf: $asOf) { base baseCount cells { value byValue byLabel count share } }
  inQuota: structure(dimension: GENDER, base: IN_QUOTA_STAFF) { baseCount cells { value count share } }
  workforceByType { type count }
  structureAlerts(asOf: $asOf) { kind institution { creditCode } value threshold }
} } }`;

beforeAll(async () => {
  database = await openTestDatabase(hr);
  await hr.seed(database.db, {
    persons: people.map(([, body, ethnicity, titleLevel]) => ({
      idNumber: id(body),
      name: `人员${body.slice(-3)}`,
      ethnicity,
      nativePlace: '河南郑州',
      education: 'UNDERGRADUATE' as const,
      degree: null,
      titleName: titleLevel ? '职称' : null,
      titleLevel,
    })),
    employments: people.map(([unit, body, , , type]) => ({ idNumber: id(body), institutionCreditCode: unit, type, since: '2015-09-01' })),
    insurances: [],
  });
});
afterAll(() => database.close());

describe('HR statistics over a scope', () => {
  it('counts only the scope’s institutions, two dimensions at once, shares of all staff', async () => {
    const result = await run(ENTITIES, { r: [scope], asOf: '2026-12-02' });
    expect(result.errors).toBeUndefined();
    const [s] = (result.data as any)._entities;
    expect(s.byTitle).toMatchObject({ base: 'ALL_STAFF', baseCount: 5 });
    expect(s.byTitle.cells.map((c: any) => [c.value, c.byValue, c.byLabel, c.count, c.share])).toEqual([
      ['汉族', 'SENIOR', '正高级', 1, 20],
      ['汉族', 'INTERMEDIATE', '中级', 1, 20],
      ['汉族', 'UNKNOWN', '未登记', 1, 20],
      ['回族', 'JUNIOR', '初级', 1, 20],
      ['满族', 'UNKNOWN', '未登记', 1, 20],
    ]);
    // In quota: the 1985 man, the 1990 woman, the 1975 man.
    expect(s.inQuota).toEqual({
      baseCount: 3,
      cells: [
        { value: 'MALE', count: 2, share: 66.7 },
        { value: 'FEMALE', count: 1, share: 33.3 },
      ],
    });
    expect(s.workforceByType).toEqual([
      { type: 'IN_QUOTA', count: 3 },
      { type: 'PERSONNEL_AGENCY', count: 0 },
      { type: 'LABOR_DISPATCH', count: 1 },
      { type: 'TEMPORARY', count: 1 },
    ]);
    // 2 of 5 over 50 (the 1970 and 1975 births): 40% > 30%; out of quota 2 of 5: 40%, not above 60%. Units under 5 staff: no alert of their own.
    expect(s.structureAlerts).toEqual([{ kind: 'AGEING', institution: null, value: 40, threshold: 30 }]);
  });

  it('counts nothing for a scope without institutions', async () => {
    const result = await run(ENTITIES, { r: [{ ...scope, id: 'funding=SELF_FUNDED', creditCodes: [] }] });
    const [s] = (result.data as any)._entities;
    expect([s.byTitle.baseCount, s.byTitle.cells, s.structureAlerts]).toEqual([0, [], []]);
  });

  it('lets a unit operator ask for its own unit only', async () => {
    const unit: Viewer = { office: 'staffing', role: 'UNIT_OPERATOR', sub: 'school', unit: SCHOOL };
    const own = await run(ENTITIES, { r: [{ ...scope, id: `unit=${SCHOOL}`, creditCodes: [SCHOOL] }] }, unit);
    expect((own.data as any)._entities[0].inQuota.baseCount).toBe(2);
    const wider = await run(ENTITIES, { r: [scope] }, unit);
    expect(wider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
