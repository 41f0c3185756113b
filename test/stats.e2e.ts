import type { City } from '@hub/launcher/demo';
import { creditCodeCheckChar, idNumberCheckChar, readSheetRows } from '@hub/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './src/testHub.ts';

/**
 * Statistics through the gateway (issue 10: structure, quota use and lights, alerts, the annual
 * report) on a small city whose every figure is known: four units, 33 persons, each with a chosen
 * birth date, gender, education and employment type. The expected figures are worked out by hand
 * from the table below.
 */

/** Wednesday 2 December 2026, 10:00 in Beijing. */
const clock = new Date('2026-12-02T02:00:00Z');
const AS_OF = '2026-12-02';

type Education = 'POSTGRADUATE' | 'UNDERGRADUATE' | 'JUNIOR_COLLEGE' | 'HIGH_SCHOOL_OR_BELOW';
type Type = 'IN_QUOTA' | 'LABOR_DISPATCH' | 'TEMPORARY';
interface P {
  birth: string;
  male: boolean;
  education: Education;
  type?: Type;
  since?: string;
}

const UNITS = {
  /** 4 of 4 administrative: exactly full, green; 1 leadership post approved, 2 filled. */
  A: {
    name: '市直甲局',
    level: 'CITY',
    kind: 'GOVERNMENT_ORGAN',
    system: 'GENERAL_AFFAIRS',
    funding: 'FULL',
    category: 'ADMINISTRATIVE',
    approved: 4,
    vacantSince: null,
    leadershipPostsApproved: 1,
    persons: [
      { birth: '1975-12-02', male: true, education: 'UNDERGRADUATE' }, // 51 on AS_OF, exactly
      { birth: '1975-12-03', male: false, education: 'UNDERGRADUATE' }, // 50 on AS_OF, 51 the day after
      { birth: '1990-05-05', male: true, education: 'POSTGRADUATE' },
      { birth: '1992-07-07', male: false, education: 'UNDERGRADUATE' },
    ] as P[],
  },
  /** 3 in quota on 2 approved: red; 7 out of quota of 10 (70%); 4 of 10 over 50 (40%). */
  B: {
    name: '市直乙中心',
    level: 'CITY',
    kind: 'PUBLIC_INSTITUTION',
    system: 'HEALTH',
    funding: 'PARTIAL',
    category: 'PUBLIC_SERVICE',
    approved: 2,
    vacantSince: null,
    leadershipPostsApproved: 0,
    persons: [
      { birth: '1966-06-15', male: true, education: 'UNDERGRADUATE' }, // retires 2026-11-15 (60 y 5 m): already due
      { birth: '1967-01-10', male: true, education: 'JUNIOR_COLLEGE' }, // 2027-08-10 (60 y 7 m): within 1 year
      { birth: '1972-03-01', male: false, education: 'UNDERGRADUATE' }, // 2027-10-01 (55 y 7 m): within 1 year
      { birth: '1970-01-01', male: true, education: 'HIGH_SCHOOL_OR_BELOW', type: 'LABOR_DISPATCH', since: '2024-05-01' }, // 2031-05-01: within 5
      ...['1995-01-01', '1995-02-01', '1995-03-01', '1996-01-01', '1996-02-01'].map(
        (birth, i): P => ({ birth, male: i % 2 === 0, education: 'JUNIOR_COLLEGE', type: 'LABOR_DISPATCH', since: '2025-03-01' }),
      ),
      { birth: '2000-01-01', male: true, education: 'HIGH_SCHOOL_OR_BELOW', type: 'TEMPORARY', since: '2026-01-05' },
    ] as P[],
  },
  /** 16 of 20: vacancy 20% (the threshold, not above it), idle since June 2025 (18 months): yellow. */
  C: {
    name: '乡镇丙站',
    level: 'TOWNSHIP',
    kind: 'PUBLIC_INSTITUTION',
    system: 'AGRICULTURE',
    funding: 'FULL',
    category: 'PUBLIC_SERVICE',
    approved: 20,
    vacantSince: '2025-06-01',
    leadershipPostsApproved: 0,
    persons: Array.from(
      { length: 16 },
      (_, i): P => ({
        birth: `1985-${String(1 + (i % 12)).padStart(2, '0')}-10`,
        male: i % 2 === 0,
        education: i === 0 ? 'POSTGRADUATE' : i <= 3 ? 'JUNIOR_COLLEGE' : 'UNDERGRADUATE',
      }),
    ),
  },
  /** 3 of 5 political-legal: vacancy 40%, vacant only since October: yellow for the rate. */
  D: {
    name: '县区丁所',
    level: 'DISTRICT',
    kind: 'GOVERNMENT_ORGAN',
    system: 'POLITICS_AND_LAW',
    funding: 'FULL',
    category: 'POLITICAL_LEGAL',
    approved: 5,
    vacantSince: '2026-10-01',
    leadershipPostsApproved: 0,
    persons: [
      { birth: '1988-03-03', male: true, education: 'UNDERGRADUATE' },
      { birth: '1988-04-04', male: false, education: 'UNDERGRADUATE' },
      { birth: '1989-05-05', male: true, education: 'UNDERGRADUATE' },
    ] as P[],
  },
} as const;
type Key = keyof typeof UNITS;

const codes = {} as Record<Key, string>;

function buildCity(): City {
  const city: City = {
    staffing: { institutions: [], quotas: [], ledgerEntries: [], staffingCards: [], removals: [] },
    hr: { persons: [], employments: [], insurances: [] },
    organization: { cadres: [] },
    finance: { budgetUnits: [], payrollRecords: [] },
    planted: {} as City['planted'],
  };
  let serial = 0;
  (Object.keys(UNITS) as Key[]).forEach((key, n) => {
    const u = UNITS[key];
    const body = `${u.kind === 'GOVERNMENT_ORGAN' ? '11' : '12'}410100MB${String(n + 1).padStart(7, '0')}`;
    const code = body + creditCodeCheckChar(body);
    codes[key] = code;
    city.staffing.institutions.push({
      creditCode: code,
      name: u.name,
      kind: u.kind,
      level: u.level,
      system: u.system,
      fundingForm: u.funding,
      parentCreditCode: null,
      leadershipPostsApproved: u.leadershipPostsApproved,
    });
    city.staffing.quotas.push({ institutionCreditCode: code, category: u.category, approved: u.approved, reserved: 0, vacantSince: u.vacantSince });
    u.persons.forEach((p, i) => {
      serial++;
      // Sequence digits: odd last digit for a man (GB 11643-1999).
      const seq = String(serial * 2 + (p.male ? 1 : 0)).padStart(3, '0');
      const idBody = `410102${p.birth.replaceAll('-', '')}${seq}`;
      const idNumber = idBody + idNumberCheckChar(idBody);
      const name = `人员${serial}`;
      const type = p.type ?? 'IN_QUOTA';
      if (type === 'IN_QUOTA') {
        city.staffing.ledgerEntries.push({
          idNumber,
          institutionCreditCode: code,
          quotaCategory: u.category,
          name,
          ethnicity: '汉族',
          nativePlace: '河南郑州',
          politicalStatus: key === 'A' ? '中共党员' : '群众',
          post: '科员',
          workStartDate: '2010-07-01',
          unitJoinDate: '2012-03-01',
          staffingCardNumber: null,
        });
      }
      city.hr.persons.push({
        idNumber,
        name,
        ethnicity: '汉族',
        nativePlace: '河南郑州',
        education: p.education,
        degree: null,
        titleName: null,
        titleLevel: null,
      });
      city.hr.employments.push({ idNumber, institutionCreditCode: code, type, since: p.since ?? '2012-03-01' });
      if (key === 'A' && i < 2)
        city.organization.cadres.push({
          idNumber,
          name,
          institutionCreditCode: code,
          post: i === 0 ? '局长' : '副局长',
          rank: i === 0 ? 'DIVISION' : 'DEPUTY_DIVISION',
          leadership: true,
          appointedOn: '2020-01-01',
        });
    });
  });
  return city;
}

let hub: TestHub;
let staffing: Record<string, string>;

beforeAll(async () => {
  hub = await startTestHub(buildCity, { now: () => clock });
  staffing = await hub.as({ office: 'staffing', role: 'REVIEWER' });
}, 120_000);
afterAll(() => hub?.stop());

const ask = async <T = any>(query: string, variables: Record<string, unknown> = {}, headers = staffing) => {
  const answer = await hub.query<T>(query, variables, headers);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as T;
};
const cellsOf = (breakdown: { cells: { value: string; byValue: string | null; count: number; share: number }[] }) =>
  breakdown.cells.map((c) => (c.byValue ? [c.value, c.byValue, c.count, c.share] : [c.value, c.count, c.share]));

describe('quota use and lights (超缺编亮灯)', () => {
  it('rolls up the city and lights each institution: exactly full is green, over is red, idle or above the rate yellow', async () => {
    const data = await ask(`{ staffScope { id label institutionCount
      quotaUse { total { approved occupied reserved vacant overQuota } red yellow green byCategory { category approved occupied vacant overQuota } }
      institutionQuotaUse { totalCount nodes { institution { name } light reasons vacancyRate longestIdleMonths total { approved occupied vacant overQuota } } } } }`);
    const scope = data.staffScope;
    expect(scope).toMatchObject({ id: 'all', label: '全市', institutionCount: 4 });
    expect(scope.quotaUse.total).toEqual({ approved: 31, occupied: 26, reserved: 0, vacant: 6, overQuota: 1 });
    expect([scope.quotaUse.red, scope.quotaUse.yellow, scope.quotaUse.green]).toEqual([1, 2, 1]);
    expect(scope.quotaUse.byCategory).toEqual([
      { category: 'ADMINISTRATIVE', approved: 4, occupied: 4, vacant: 0, overQuota: 0 },
      { category: 'POLITICAL_LEGAL', approved: 5, occupied: 3, vacant: 2, overQuota: 0 },
      { category: 'PUBLIC_SERVICE', approved: 22, occupied: 19, vacant: 4, overQuota: 1 },
    ]);
    expect(scope.institutionQuotaUse.nodes.map((n: any) => [n.institution.name, n.light, n.reasons, n.vacancyRate, n.longestIdleMonths])).toEqual([
      ['市直乙中心', 'RED', ['OVER_QUOTA'], 0, null],
      ['县区丁所', 'YELLOW', ['VACANCY_RATE'], 40, 2],
      ['乡镇丙站', 'YELLOW', ['IDLE_VACANCY'], 20, 18],
      ['市直甲局', 'GREEN', [], 0, null],
    ]);
  });

  it('filters by light, and answers one institution on the institution itself', async () => {
    const data = await ask(
      `query($code: ID!) { staffScope { institutionQuotaUse(light: YELLOW) { totalCount nodes { institution { name } } } }
      institution(creditCode: $code) { quotaUse { light reasons total { approved occupied vacant overQuota } } } }`,
      { code: codes.A },
    );
    expect(data.staffScope.institutionQuotaUse.totalCount).toBe(2);
    expect(data.institution.quotaUse).toEqual({ light: 'GREEN', reasons: [], total: { approved: 4, occupied: 4, vacant: 0, overQuota: 0 } });
  });

  it('scopes by level, kind, system and funding form', async () => {
    const count = async (scope: Record<string, unknown>) =>
      (await ask(`query($s: StaffScopeInput) { staffScope(scope: $s) { id institutionCount quotaUse { total { approved } } } }`, { s: scope })).staffScope;
    expect(await count({ level: 'CITY' })).toEqual({ id: 'level=CITY', institutionCount: 2, quotaUse: { total: { approved: 6 } } });
    expect(await count({ kind: 'GOVERNMENT_ORGAN', level: 'DISTRICT' })).toMatchObject({ id: 'level=DISTRICT;kind=GOVERNMENT_ORGAN', institutionCount: 1 });
    expect(await count({ system: 'POLITICS_AND_LAW' })).toMatchObject({ institutionCount: 1, quotaUse: { total: { approved: 5 } } });
    expect(await count({ fundingForms: ['PARTIAL', 'FULL', 'PARTIAL'] })).toMatchObject({ id: 'funding=FULL,PARTIAL', institutionCount: 4 });
    expect(await count({ fundingForms: ['SELF_FUNDED'] })).toMatchObject({ institutionCount: 0, quotaUse: { total: { approved: 0 } } });
  });
});

describe('structure (人员结构) by SQL aggregates in the owning office', () => {
  it('breaks down HR’s staff by two dimensions at once, with counts and shares of all staff', async () => {
    const data = await ask(
      `query($code: ID) { staffScope(scope: { creditCode: $code }) {
      structure(dimension: EMPLOYMENT_TYPE, by: EDUCATION) { dimension by base baseCount asOf cells { value label byValue byLabel count share } } } }`,
      {
        code: codes.B,
      },
    );
    const s = data.staffScope.structure;
    expect(s).toMatchObject({ dimension: 'EMPLOYMENT_TYPE', by: 'EDUCATION', base: 'ALL_STAFF', baseCount: 10, asOf: AS_OF });
    expect(cellsOf(s)).toEqual([
      ['IN_QUOTA', 'UNDERGRADUATE', 2, 20],
      ['IN_QUOTA', 'JUNIOR_COLLEGE', 1, 10],
      ['LABOR_DISPATCH', 'JUNIOR_COLLEGE', 5, 50],
      ['LABOR_DISPATCH', 'HIGH_SCHOOL_OR_BELOW', 1, 10],
      ['TEMPORARY', 'HIGH_SCHOOL_OR_BELOW', 1, 10],
    ]);
    expect(s.cells[0]).toMatchObject({ label: '在编', byLabel: '大学本科' });
  });

  it('says its base: the out-of-quota staff alone', async () => {
    const data = await ask(
      `query($code: ID) { staffScope(scope: { creditCode: $code }) { structure(dimension: GENDER, base: OUT_OF_QUOTA_STAFF) { base baseCount cells { value count share } } } }`,
      {
        code: codes.B,
      },
    );
    // Out of quota: the 1970 man, the five born 1995–96 (men at 0, 2, 4), the temporary man.
    expect(data.staffScope.structure).toEqual({
      base: 'OUT_OF_QUOTA_STAFF',
      baseCount: 7,
      cells: [
        { value: 'MALE', count: 5, share: 71.4 },
        { value: 'FEMALE', count: 2, share: 28.6 },
      ],
    });
  });

  it('rounds shares half up: 1 of 16 is 6.3%, 3 of 16 is 18.8%', async () => {
    const data = await ask(
      `query($code: ID) { staffScope(scope: { creditCode: $code }) { structure(dimension: EDUCATION) { baseCount cells { value count share } } } }`,
      {
        code: codes.C,
      },
    );
    expect(data.staffScope.structure.baseCount).toBe(16);
    expect(cellsOf(data.staffScope.structure)).toEqual([
      ['POSTGRADUATE', 1, 6.3],
      ['UNDERGRADUATE', 12, 75],
      ['JUNIOR_COLLEGE', 3, 18.8],
    ]);
  });

  it('takes ages exactly on asOf: a 51st birthday on the day counts, the day before it does not', async () => {
    const Q = `query($code: ID, $asOf: Date) { staffScope(scope: { creditCode: $code }) {
      structure(dimension: AGE_BAND, asOf: $asOf) { asOf cells { value count } }
      ledgerStructure(dimension: AGE_BAND, asOf: $asOf) { base cells { value count } } } }`;
    const on = (await ask(Q, { code: codes.A, asOf: AS_OF })).staffScope;
    expect(on.structure.cells).toEqual([
      { value: 'AGE_31_35', count: 1 },
      { value: 'AGE_36_40', count: 1 },
      { value: 'AGE_46_50', count: 1 },
      { value: 'AGE_51_55', count: 1 },
    ]);
    expect(on.ledgerStructure).toEqual({ base: 'IN_QUOTA_STAFF', cells: on.structure.cells });
    const before = (await ask(Q, { code: codes.A, asOf: '2026-12-01' })).staffScope;
    expect(before.structure.cells.filter((c: any) => c.value >= 'AGE_46')).toEqual([{ value: 'AGE_46_50', count: 2 }]);
    const after = (await ask(Q, { code: codes.A, asOf: '2026-12-03' })).staffScope;
    expect(after.structure.cells.filter((c: any) => c.value >= 'AGE_46')).toEqual([{ value: 'AGE_51_55', count: 2 }]);
  });

  it('breaks down the ledger by quota category and political status (the Staffing Office’s own records)', async () => {
    const data = await ask(
      `{ staffScope { ledgerStructure(dimension: QUOTA_CATEGORY, by: POLITICAL_STATUS) { base baseCount cells { value label byValue count share } } } }`,
    );
    expect(data.staffScope.ledgerStructure.baseCount).toBe(26);
    expect(data.staffScope.ledgerStructure.cells.map((c: any) => [c.value, c.label, c.byValue, c.count, c.share])).toEqual([
      ['ADMINISTRATIVE', '行政编制', '中共党员', 4, 15.4],
      ['POLITICAL_LEGAL', '政法专项编制', '群众', 3, 11.5],
      ['PUBLIC_SERVICE', '事业编制', '群众', 19, 73.1],
    ]);
  });

  it('counts joining by year and type, and the out-of-quota staff by type', async () => {
    const data = await ask(`{ staffScope { workforceByType { type count } joiningTrend(fromYear: 2024, toYear: 2026) { year count byType { type count } } } }`);
    expect(data.staffScope.workforceByType).toEqual([
      { type: 'IN_QUOTA', count: 26 },
      { type: 'PERSONNEL_AGENCY', count: 0 },
      { type: 'LABOR_DISPATCH', count: 6 },
      { type: 'TEMPORARY', count: 1 },
    ]);
    expect(data.staffScope.joiningTrend.map((y: any) => [y.year, y.count, y.byType.find((t: any) => t.type === 'LABOR_DISPATCH').count])).toEqual([
      [2024, 1, 1],
      [2025, 5, 5],
      [2026, 1, 0],
    ]);
  });

  it('forecasts retirements in 1, 3 and 5 years with the gradual retirement ages', async () => {
    const data = await ask(
      `{ staffScope { retirementForecast(asOf: "${AS_OF}") { asOf baseCount alreadyDue horizons { years until count men women share } } } }`,
    );
    expect(data.staffScope.retirementForecast).toEqual({
      asOf: AS_OF,
      baseCount: 33,
      alreadyDue: 1,
      horizons: [
        { years: 1, until: '2027-12-02', count: 2, men: 1, women: 1, share: 6.1 },
        { years: 3, until: '2029-12-02', count: 2, men: 1, women: 1, share: 6.1 },
        { years: 5, until: '2031-12-02', count: 3, men: 2, women: 1, share: 9.1 },
      ],
    });
  });

  it('refuses a joining trend longer than 30 years with a coded bilingual error', async () => {
    const answer = await hub.query(`{ staffScope { joiningTrend(fromYear: 1980, toYear: 2026) { year } } }`, {}, staffing);
    expect(answer.errors?.[0]?.extensions?.code).toBe('INVALID_ARGUMENT');
    expect(answer.errors?.[0]?.message).toMatch(/30.*\/.*30/);
  });
});

describe('alerts (智能化提示)', () => {
  it('flags over quota, long vacancies, ageing, out-of-quota far above in-quota and over-filled leadership posts', async () => {
    const data = await ask(`{ staffScope {
      quotaAlerts { kind institution { name } value threshold message messageEn }
      structureAlerts(asOf: "${AS_OF}") { kind institution { name } value threshold message }
      leadershipAlerts { kind institution { name } value threshold message } } }`);
    const brief = (alerts: any[]) => alerts.map((a) => [a.kind, a.institution?.name ?? null, a.value, a.threshold]);
    expect(brief(data.staffScope.quotaAlerts)).toEqual([
      ['OVER_QUOTA', '市直乙中心', 1, 0],
      ['LONG_VACANCY', '乡镇丙站', 18, 12],
    ]);
    expect(data.staffScope.quotaAlerts[0].message).toContain('超编 1 人');
    // City: 5 of 33 over 50 (15.2%), 7 of 33 out of quota (21.2%): below both. B: 4 of 10, 7 of 10.
    expect(brief(data.staffScope.structureAlerts)).toEqual([
      ['AGEING', '市直乙中心', 40, 30],
      ['OUT_OF_QUOTA_HIGH', '市直乙中心', 70, 60],
    ]);
    expect(brief(data.staffScope.leadershipAlerts)).toEqual([['LEADERSHIP_OVER_FILLED', '市直甲局', 2, 1]]);
  });
});

describe('the catalog: an aggregate shared where its rows are not', () => {
  it('gives Finance the leadership alert and the structure, not the cadres behind them (ZZB-01-002 is conditional)', async () => {
    const finance = await hub.as({ office: 'finance', role: 'OPERATOR' });
    const answer = await hub.query(
      `query($code: ID!) { staffScope { leadershipAlerts { value threshold } structure(dimension: GENDER) { baseCount } } institution(creditCode: $code) { name cadres { name } } }`,
      { code: codes.A },
      finance,
    );
    expect(answer.data?.staffScope).toEqual({ leadershipAlerts: [{ value: 2, threshold: 1 }], structure: { baseCount: 33 } });
    expect(answer.data?.institution).toEqual({ name: '市直甲局', cadres: null });
    expect(answer.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FORBIDDEN', 'institution.cadres']]);
  });
});

describe('who may ask', () => {
  it('lets a unit operator take its own unit as the scope, and nothing wider', async () => {
    const unit = await hub.as({ office: 'staffing', role: 'UNIT_OPERATOR', unit: codes.A });
    const own = await hub.query(
      `query($code: ID) { staffScope(scope: { creditCode: $code }) { institutionCount structure(dimension: GENDER) { baseCount } } }`,
      { code: codes.A },
      unit,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.staffScope).toEqual({ institutionCount: 1, structure: { baseCount: 4 } });
    const city = await hub.query(`{ staffScope { institutionCount } }`, {}, unit);
    expect(city.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(city.data?.staffScope ?? null).toBeNull();
  });

  it('refuses an invalid credit code in a scope with its code', async () => {
    const answer = await hub.query(`{ staffScope(scope: { creditCode: "91410100MA00000000" }) { id } }`, {}, staffing);
    expect(answer.errors?.[0]?.extensions?.code).toBe('INVALID_CREDIT_CODE');
  });
});

describe('the annual structure report (年度结构报告)', () => {
  it('lists the budget-paid scopes, each with HR’s structure of its in-quota staff', async () => {
    const data = await ask(`{ structureReport(year: 2026, asOf: "${AS_OF}") { year asOf title scopes { id label
      age: structure(dimension: AGE_BAND, base: IN_QUOTA_STAFF, asOf: "${AS_OF}") { baseCount }
      education: structure(dimension: EDUCATION, base: IN_QUOTA_STAFF) { cells { value count } } } } }`);
    const report = data.structureReport;
    expect(report).toMatchObject({ year: 2026, asOf: AS_OF, title: '2026年度财政供养人员结构分析报告' });
    expect(report.scopes.map((s: any) => [s.label, s.age.baseCount])).toEqual([
      ['全额拨款/差额拨款', 26],
      ['市直·全额拨款/差额拨款', 7],
      ['县区·全额拨款/差额拨款', 3],
      ['乡镇（街道）·全额拨款/差额拨款', 16],
      ['党委机关·全额拨款/差额拨款', 0],
      ['政府机关·全额拨款/差额拨款', 7],
      ['事业单位·全额拨款/差额拨款', 19],
      ['群团机关·全额拨款/差额拨款', 0],
      ['政法系统·全额拨款/差额拨款', 3],
    ]);
    expect(report.scopes[0].education.cells).toEqual([
      { value: 'POSTGRADUATE', count: 2 },
      { value: 'UNDERGRADUATE', count: 20 },
      { value: 'JUNIOR_COLLEGE', count: 4 },
    ]);
  });

  it('downloads as .xlsx with the viewer’s token, its figures those of the GraphQL answer', async () => {
    const base = hub.url.replace(/\/graphql$/, '');
    const response = await fetch(`${base}/reports/structure.xlsx?year=2026&asOf=${AS_OF}`, { headers: staffing });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const rows: unknown[][] = [];
    for await (const row of readSheetRows(Buffer.from(await response.arrayBuffer()))) rows.push(row.cells);
    expect(rows[0]).toEqual(['2026年度财政供养人员结构分析报告：年龄结构']);
    expect(rows[2]?.slice(0, 4)).toEqual(['范围', '合计（人）', '30岁及以下（人）', '30岁及以下（%）']);
    const data = await ask(
      `{ structureReport(year: 2026, asOf: "${AS_OF}") { scopes { label structure(dimension: AGE_BAND, base: IN_QUOTA_STAFF, asOf: "${AS_OF}") { baseCount cells { value count share } } } } }`,
    );
    const city = data.structureReport.scopes[0];
    const band = (value: string) => city.structure.cells.find((c: any) => c.value === value) ?? { count: 0, share: 0 };
    // Columns: scope, total, then persons and percent per band young to old.
    expect(rows[3]).toEqual([
      city.label,
      26,
      ...['AGE_30_OR_UNDER', 'AGE_31_35', 'AGE_36_40', 'AGE_41_45', 'AGE_46_50', 'AGE_51_55', 'AGE_56_60', 'AGE_61_OR_OVER'].flatMap((v) => [
        band(v).count,
        band(v).share,
      ]),
    ]);
    expect(rows).toHaveLength(3 + 9);

    const anonymous = await fetch(`${base}/reports/structure.xlsx`, { headers: { authorization: 'Bearer nonsense' } });
    expect(anonymous.status).toBe(401);
    const unit = await fetch(`${base}/reports/structure.xlsx`, { headers: await hub.as({ office: 'staffing', role: 'UNIT_OPERATOR', unit: codes.A }) });
    expect(unit.status).toBe(403);
    expect(((await unit.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await fetch(`${base}/reports/structure.xlsx?year=20x6`, { headers: staffing });
    expect(bad.status).toBe(400);
  });
});
