import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { City } from '@hub/launcher/demo';
import { creditCodeCheckChar, idNumberCheckChar } from '@hub/schema';
import { startTestHub, type GraphQLAnswer, type TestHub } from './src/testHub.ts';

/**
 * Dynamic management (动态管理, DESIGN §3.6) through the gateway, as the Staffing Office's and the
 * Organization Department's apps do it: idle vacancies, reclaims into the central pool, allocations
 * out of it, transfers between institutions and levels (with persons, whom HR and Finance then move
 * once the relay has delivered the message), the region's totals, and leadership posts approved
 * against filled. Each describe works on units of its own, so no test depends on another's writes.
 */

/** Wednesday 2 December 2026, 10:00 in Beijing: every office's and the gateway's clock (moved on by seconds only). */
let clock = new Date('2026-12-02T02:00:00Z');

type Category = 'ADMINISTRATIVE' | 'PUBLIC_SERVICE' | 'WORKER';
type Level = 'CITY' | 'DISTRICT' | 'TOWNSHIP';
type System = 'EDUCATION' | 'HEALTH' | 'MARKET_REGULATION' | 'AGRICULTURE' | 'CULTURE_AND_TOURISM' | 'TRANSPORT';
interface QuotaPlan {
  category: Category;
  approved: number;
  occupied: number;
  reserved?: number;
  vacantSince?: string | null;
}
interface UnitPlan {
  name: string;
  level: Level;
  system: System;
  organ?: boolean;
  quotas: QuotaPlan[];
  leadershipPostsApproved?: number;
  /** Leaders appointed on these days (the first persons of the unit's first quota). */
  leaders?: string[];
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '军', '杰', '娟'];

/** A small city of hand-made units: the Staffing Office's quotas and ledger, HR's employments, Finance's payroll, Organization's leaders. */
function buildCity(plans: Record<string, UnitPlan>) {
  const city: City = {
    staffing: { institutions: [], quotas: [], ledgerEntries: [], staffingCards: [], removals: [] },
    hr: { persons: [], employments: [], insurances: [] },
    organization: { cadres: [] },
    finance: { budgetUnits: [], payrollRecords: [] },
    planted: {} as City['planted'],
  };
  const units: Record<string, { code: string; persons: Record<Category, string[]> }> = {};
  let personSerial = 0;
  Object.entries(plans).forEach(([key, plan], n) => {
    const body = `${plan.organ ? '11' : '12'}410100MB${String(n + 1).padStart(7, '0')}`;
    const code = body + creditCodeCheckChar(body);
    const persons: Record<Category, string[]> = { ADMINISTRATIVE: [], PUBLIC_SERVICE: [], WORKER: [] };
    units[key] = { code, persons };
    city.staffing.institutions.push({
      creditCode: code,
      name: plan.name,
      kind: plan.organ ? 'GOVERNMENT_ORGAN' : 'PUBLIC_INSTITUTION',
      level: plan.level,
      system: plan.system,
      fundingForm: 'FULL',
      parentCreditCode: null,
      leadershipPostsApproved: plan.leadershipPostsApproved ?? 0,
    });
    city.finance.budgetUnits.push({
      code: `YS${String(n + 1).padStart(6, '0')}`,
      institutionCreditCode: code,
      name: plan.name,
      fundingForm: 'FULL',
      budgetedHeadcount: plan.quotas.reduce((s, q) => s + q.approved, 0),
    });
    for (const q of plan.quotas) {
      city.staffing.quotas.push({
        institutionCreditCode: code,
        category: q.category,
        approved: q.approved,
        reserved: q.reserved ?? 0,
        vacantSince: q.vacantSince ?? null,
      });
      for (let i = 0; i < q.occupied; i++) {
        const s = ++personSerial;
        const idBody = `41010219${70 + (s % 25)}0${1 + (s % 9)}1${s % 10}${String(s).padStart(3, '0')}`;
        const idNumber = idBody + idNumberCheckChar(idBody);
        const name = SURNAMES[s % SURNAMES.length]! + GIVEN[s % GIVEN.length]! + (s > 100 ? GIVEN[(s * 7) % GIVEN.length]! : '');
        const card = `BZ410100${String(s).padStart(6, '0')}`;
        persons[q.category].push(idNumber);
        city.staffing.ledgerEntries.push({
          idNumber,
          institutionCreditCode: code,
          quotaCategory: q.category,
          name,
          ethnicity: '汉族',
          nativePlace: '河南郑州',
          politicalStatus: '中共党员',
          post: '科员',
          workStartDate: '2010-07-01',
          unitJoinDate: '2012-03-01',
          staffingCardNumber: card,
        });
        city.staffing.staffingCards.push({
          number: card,
          idNumber,
          institutionCreditCode: code,
          category: q.category,
          issuedOn: '2013-05-01',
          status: 'ACTIVE',
        });
        city.hr.persons.push({ idNumber, name, ethnicity: '汉族', nativePlace: '河南郑州', education: null, degree: null, titleName: null, titleLevel: null });
        city.hr.employments.push({ idNumber, institutionCreditCode: code, type: 'IN_QUOTA', since: '2012-03-01' });
        city.hr.insurances.push({ idNumber, pensionAccount: 'PUBLIC_INSTITUTION', enrolled: true, occupationalAnnuity: true, since: '2012-03-01' });
        city.finance.payrollRecords.push({
          idNumber,
          nameOnRecord: name,
          institutionCreditCode: code,
          onPayroll: true,
          lastPaidMonth: '2026-11',
          budgetLine: '30101 基本工资',
          monthlyGrossPay: 6200,
        });
      }
    }
    (plan.leaders ?? []).forEach((appointedOn, i) => {
      const idNumber = Object.values(persons).flat()[i]!;
      const entry = city.staffing.ledgerEntries.find((e) => e.idNumber === idNumber)!;
      city.organization.cadres.push({
        idNumber,
        name: entry.name,
        institutionCreditCode: code,
        post: i === 0 ? '局长' : '副局长',
        rank: i === 0 ? 'DIVISION' : 'DEPUTY_DIVISION',
        leadership: true,
        appointedOn,
      });
    });
  });
  return { city, units };
}

const { city, units } = buildCity({
  // idle vacancies
  school: {
    name: '中州市第一中学',
    level: 'CITY',
    system: 'EDUCATION',
    quotas: [{ category: 'PUBLIC_SERVICE', approved: 10, occupied: 6, vacantSince: '2024-06-01' }],
  },
  clinic: {
    name: '城关镇卫生院',
    level: 'TOWNSHIP',
    system: 'HEALTH',
    quotas: [{ category: 'PUBLIC_SERVICE', approved: 4, occupied: 2, reserved: 1, vacantSince: '2025-01-15' }],
  },
  market: {
    name: '中州市市场监督管理局',
    level: 'CITY',
    system: 'MARKET_REGULATION',
    organ: true,
    quotas: [{ category: 'ADMINISTRATIVE', approved: 8, occupied: 3, vacantSince: '2026-10-20' }],
  },
  busy: { name: '中州市第二人民医院', level: 'CITY', system: 'HEALTH', quotas: [{ category: 'PUBLIC_SERVICE', approved: 5, occupied: 4, reserved: 1 }] },
  // reclaims and allocations
  farm: {
    name: '中州市农业技术推广站',
    level: 'CITY',
    system: 'AGRICULTURE',
    quotas: [{ category: 'PUBLIC_SERVICE', approved: 9, occupied: 4, vacantSince: '2023-03-01' }],
  },
  cdc: { name: '中州市疾病预防控制中心', level: 'CITY', system: 'HEALTH', quotas: [{ category: 'PUBLIC_SERVICE', approved: 6, occupied: 6 }] },
  village: { name: '古城镇中心小学', level: 'TOWNSHIP', system: 'EDUCATION', quotas: [{ category: 'PUBLIC_SERVICE', approved: 5, occupied: 5 }] },
  // races
  depot: {
    name: '北湖区农机站',
    level: 'DISTRICT',
    system: 'AGRICULTURE',
    quotas: [{ category: 'WORKER', approved: 4, occupied: 2, vacantSince: '2024-01-01' }],
  },
  yardA: { name: '北湖区农技中心', level: 'DISTRICT', system: 'AGRICULTURE', quotas: [{ category: 'WORKER', approved: 1, occupied: 1 }] },
  yardB: { name: '北湖区种子站', level: 'DISTRICT', system: 'AGRICULTURE', quotas: [{ category: 'WORKER', approved: 1, occupied: 1 }] },
  // transfers
  museum: {
    name: '中州市文化馆',
    level: 'CITY',
    system: 'CULTURE_AND_TOURISM',
    quotas: [{ category: 'PUBLIC_SERVICE', approved: 8, occupied: 5, reserved: 1, vacantSince: '2025-08-01' }],
  },
  library: { name: '中州市图书馆', level: 'CITY', system: 'CULTURE_AND_TOURISM', quotas: [{ category: 'PUBLIC_SERVICE', approved: 3, occupied: 3 }] },
  district: { name: '北湖区文化馆', level: 'DISTRICT', system: 'CULTURE_AND_TOURISM', quotas: [{ category: 'PUBLIC_SERVICE', approved: 4, occupied: 4 }] },
  // transfers with persons
  middle: {
    name: '中州市第二中学',
    level: 'CITY',
    system: 'EDUCATION',
    quotas: [{ category: 'PUBLIC_SERVICE', approved: 6, occupied: 4, vacantSince: '2026-01-10' }],
  },
  lake: { name: '北湖区第三中学', level: 'DISTRICT', system: 'EDUCATION', quotas: [{ category: 'PUBLIC_SERVICE', approved: 2, occupied: 2 }] },
  // leadership posts
  transport: {
    name: '中州市交通运输局',
    level: 'CITY',
    system: 'TRANSPORT',
    organ: true,
    quotas: [{ category: 'ADMINISTRATIVE', approved: 6, occupied: 6 }],
    leadershipPostsApproved: 3,
    leaders: ['2019-04-01', '2020-09-01', '2021-03-15'],
  },
  roads: {
    name: '中州市公路事业发展中心',
    level: 'CITY',
    system: 'TRANSPORT',
    quotas: [{ category: 'PUBLIC_SERVICE', approved: 4, occupied: 4 }],
    leadershipPostsApproved: 2,
    leaders: ['2022-01-10', '2023-06-01'],
  },
  ports: {
    name: '中州市港航事业发展中心',
    level: 'CITY',
    system: 'TRANSPORT',
    quotas: [{ category: 'PUBLIC_SERVICE', approved: 4, occupied: 4 }],
    leadershipPostsApproved: 3,
    leaders: ['2020-05-01'],
  },
});
const code = (unit: keyof typeof units) => units[unit]!.code;

let hub: TestHub;
let staffing: Record<string, string>;
let organization: Record<string, string>;

beforeAll(async () => {
  hub = await startTestHub(() => city, { now: () => clock });
  staffing = await hub.as({ office: 'staffing', role: 'OPERATOR', sub: 'zhou-staffing' });
  organization = await hub.as({ office: 'organization', role: 'OPERATOR', sub: 'wu-organization' });
});
afterAll(() => hub?.stop());

const codes = (answer: GraphQLAnswer<unknown>) => answer.errors?.map((e) => e.extensions?.code) ?? [];

const IDLE = `query Idle($months: Int, $level: AdminLevel) {
  idleVacancies(idleMonths: $months, level: $level, first: 100) {
    totalCount
    nodes { institution { creditCode name } category approved occupied reserved vacant vacantSince idleMonths }
  }
}`;
const QUOTAS = `query Quotas($code: ID!) { institution(creditCode: $code) { quotas { category approved occupied reserved vacant vacantSince } } }`;
const TOTALS = `{ regionQuotaTotals { category level institutionsApproved pool total ceiling ceilingDocumentNumber } vacancyPool { category level available } }`;
const RECLAIM = `mutation Reclaim($i: ReclaimVacanciesInput!) {
  reclaimVacancies(input: $i) { movement { documentNumber kind category amount from { name } to { name } fromLevel toLevel reason effectiveOn } pool { category level available } }
}`;
const ALLOCATE = `mutation Allocate($i: AllocateFromPoolInput!) {
  allocateFromPool(input: $i) { movement { documentNumber kind amount from { name } to { name } fromLevel toLevel priorityField } pool { category level available } }
}`;
const TRANSFER = `mutation Transfer($i: TransferQuotaInput!) {
  transferQuota(input: $i) { movement { documentNumber kind amount from { name } to { name } fromLevel toLevel persons { idNumber } } }
}`;
const CEILING = `mutation Ceiling($i: SetQuotaCeilingInput!) { setQuotaCeiling(input: $i) { total { level category total ceiling ceilingDocumentNumber } } }`;

const quotasOf = async (unit: keyof typeof units) =>
  ((await hub.query(QUOTAS, { code: code(unit) }, staffing)).data as any).institution.quotas as {
    category: string;
    approved: number;
    vacant: number;
    vacantSince: string | null;
  }[];
const totals = async () => (await hub.query(TOTALS, {}, staffing)).data as { regionQuotaTotals: any[]; vacancyPool: any[] };
const totalOf = (t: { regionQuotaTotals: any[] }, category: string, level: string) =>
  t.regionQuotaTotals.find((r) => r.category === category && r.level === level) ?? { total: 0, pool: 0, institutionsApproved: 0 };
const regionTotal = (t: { regionQuotaTotals: any[] }, category: string) =>
  t.regionQuotaTotals.filter((r) => r.category === category).reduce((s: number, r: any) => s + r.total, 0);

/** The operation log entries a request added (the gateway's own log, newest last). */
async function logged(request: () => Promise<GraphQLAnswer<any>>) {
  const newest = async () => (await hub.gateway.log.search({}, { limit: 1, offset: 0 })).entries[0]?.seq ?? 0;
  const before = await newest();
  const answer = await request();
  const { entries } = await hub.gateway.log.search({}, { limit: 100, offset: 0 });
  return { answer, entries: entries.filter((e) => e.seq > before).reverse() as { kind: string; outcome: string; actorSub: string | null; detail: any }[] };
}

describe('idle vacancies (闲置空编)', () => {
  const ours = (answer: GraphQLAnswer<any>) =>
    (answer.data.idleVacancies.nodes as any[]).filter((n) => [code('school'), code('clinic'), code('market'), code('busy')].includes(n.institution.creditCode));

  it('lists quotas vacant for 12 months or more by default, longest idle first, with their figures', async () => {
    const answer = await hub.query(IDLE, {}, staffing);
    expect(answer.errors).toBeUndefined();
    expect(ours(answer)).toEqual([
      {
        institution: { creditCode: code('school'), name: '中州市第一中学' },
        category: 'PUBLIC_SERVICE',
        approved: 10,
        occupied: 6,
        reserved: 0,
        vacant: 4,
        vacantSince: '2024-06-01',
        idleMonths: 30,
      },
      {
        institution: { creditCode: code('clinic'), name: '城关镇卫生院' },
        category: 'PUBLIC_SERVICE',
        approved: 4,
        occupied: 2,
        reserved: 1,
        vacant: 1,
        vacantSince: '2025-01-15',
        idleMonths: 22,
      },
    ]);
    const since = (answer.data.idleVacancies.nodes as any[]).map((n) => n.vacantSince);
    expect(since).toEqual([...since].sort());
  });

  it('takes the months as an argument, filters by level, and never lists a vacancy an approval holds', async () => {
    const month = ours(await hub.query(IDLE, { months: 1 }, staffing)).map((n) => n.institution.name);
    expect(month).toEqual(['中州市第一中学', '城关镇卫生院', '中州市市场监督管理局']);
    const township = ours(await hub.query(IDLE, { months: 1, level: 'TOWNSHIP' }, staffing)).map((n) => n.institution.name);
    expect(township).toEqual(['城关镇卫生院']);
    // 中州市第二人民医院: 5 approved, 4 on the ledger, 1 reserved by a pending approval: full, never idle.
    expect(ours(await hub.query(IDLE, { months: 0 }, staffing)).map((n) => n.institution.name)).not.toContain('中州市第二人民医院');
    expect(codes(await hub.query(IDLE, { months: -1 }, staffing))).toEqual(['INVALID_ARGUMENT']);
  });

  it("shows a unit operator its own unit's idle vacancies only", async () => {
    const clerk = await hub.as({ office: 'staffing', role: 'UNIT_OPERATOR', sub: 'clinic-clerk', unit: code('clinic') });
    const answer = await hub.query(IDLE, { months: 0 }, clerk);
    expect((answer.data as any).idleVacancies.nodes.map((n: any) => n.institution.name)).toEqual(['城关镇卫生院']);
  });
});

describe('reclaiming vacancies into the central pool and allocating from it (空编集中管理)', () => {
  it('reclaims idle vacancies with a document number: the unit loses them, the pool of its level gains them, the region total stays', async () => {
    const before = await totals();
    const { answer, entries } = await logged(() =>
      hub.query(
        RECLAIM,
        { i: { documentNumber: '中编办〔2026〕41号', reason: '空编闲置三年以上，收回统筹', creditCode: code('farm'), category: 'PUBLIC_SERVICE', amount: 4 } },
        staffing,
      ),
    );
    expect(answer.errors).toBeUndefined();
    expect((answer.data as any).reclaimVacancies).toEqual({
      movement: {
        documentNumber: '中编办〔2026〕41号',
        kind: 'RECLAIM',
        category: 'PUBLIC_SERVICE',
        amount: 4,
        from: { name: '中州市农业技术推广站' },
        to: null,
        fromLevel: 'CITY',
        toLevel: 'CITY',
        reason: '空编闲置三年以上，收回统筹',
        effectiveOn: '2026-12-02',
      },
      pool: { category: 'PUBLIC_SERVICE', level: 'CITY', available: totalOf(before, 'PUBLIC_SERVICE', 'CITY').pool + 4 },
    });
    // One vacancy is left, idle since the same day.
    expect(await quotasOf('farm')).toEqual([{ category: 'PUBLIC_SERVICE', approved: 5, occupied: 4, reserved: 0, vacant: 1, vacantSince: '2023-03-01' }]);
    const after = await totals();
    expect(totalOf(after, 'PUBLIC_SERVICE', 'CITY').total).toBe(totalOf(before, 'PUBLIC_SERVICE', 'CITY').total);
    expect(totalOf(after, 'PUBLIC_SERVICE', 'CITY').institutionsApproved).toBe(totalOf(before, 'PUBLIC_SERVICE', 'CITY').institutionsApproved - 4);
    // The log has who, the document number, and each row before and after.
    expect(entries.map((e) => [e.kind, e.outcome, e.actorSub])).toEqual([['WRITE', 'ALLOWED', 'zhou-staffing']]);
    const changes = entries[0]!.detail.changes as any[];
    expect(changes.map((c) => [c.entity, c.caseNumber, c.action])).toEqual([
      ['QuotaMovement', '中编办〔2026〕41号', 'RECLAIM'],
      ['Quota', '中编办〔2026〕41号', 'RECLAIM'],
      ['VacancyPool', '中编办〔2026〕41号', 'RECLAIM'],
    ]);
    expect(changes[1]).toMatchObject({ key: `${code('farm')}/PUBLIC_SERVICE`, before: { approved: 9 }, after: { approved: 5 } });
  });

  it('refuses, each rule by its code, and writes nothing', async () => {
    const before = await totals();
    const reclaim = (i: Record<string, unknown>, who = staffing) =>
      hub.query(
        RECLAIM,
        { i: { documentNumber: '中编办〔2026〕99号', reason: '收回', creditCode: code('farm'), category: 'PUBLIC_SERVICE', amount: 1, ...i } },
        who,
      );
    const noVacancy = await reclaim({ creditCode: code('cdc') });
    expect(noVacancy.errors?.[0]?.extensions).toMatchObject({ code: 'NO_VACANCY', reason: 'SOURCE', limit: 0, actual: 1, field: 'input.amount' });
    expect(noVacancy.errors?.[0]?.message).toBe('空编不足：该单位此类编制有 0 个空编，申请收回 1 个 / not enough vacancies: 0 vacant, 1 asked');
    expect(codes(await reclaim({ amount: 2 }))).toEqual(['NO_VACANCY']);
    expect(codes(await reclaim({ category: 'WORKER' }))).toEqual(['NO_QUOTA']);
    expect(codes(await reclaim({ amount: 0 }))).toEqual(['INVALID_ARGUMENT']);
    expect(codes(await reclaim({ documentNumber: '  ' }))).toEqual(['INVALID_ARGUMENT']);
    expect(codes(await reclaim({ documentNumber: '中编办〔2026〕41号' }))).toEqual(['ALREADY_EXISTS']);
    const unknownBody = '12410100MB9999999';
    expect(codes(await reclaim({ creditCode: unknownBody + creditCodeCheckChar(unknownBody) }))).toEqual(['NOT_FOUND']);
    expect(codes(await reclaim({}, await hub.as({ office: 'hr', role: 'OPERATOR' })))).toEqual(['FORBIDDEN']);
    expect(codes(await reclaim({}, await hub.as({ office: 'staffing', role: 'UNIT_OPERATOR', unit: code('farm') })))).toEqual(['FORBIDDEN']);
    expect(await totals()).toEqual(before);
    expect((await quotasOf('farm'))[0]).toMatchObject({ approved: 5, vacant: 1 });
  });

  it('allocates from the pool to a priority field, never more than the pool holds', async () => {
    const before = await totals();
    const inPool = totalOf(before, 'PUBLIC_SERVICE', 'CITY').pool;
    expect(inPool).toBeGreaterThanOrEqual(2);
    const allocate = (i: Record<string, unknown>) =>
      hub.query(
        ALLOCATE,
        {
          i: {
            documentNumber: '中编办〔2026〕42号',
            reason: '加强疾病预防控制体系',
            creditCode: code('cdc'),
            category: 'PUBLIC_SERVICE',
            amount: 2,
            priorityField: 'HEALTH',
            ...i,
          },
        },
        staffing,
      );
    const over = await allocate({ amount: inPool + 1 });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'POOL_INSUFFICIENT', limit: inPool, actual: inPool + 1 });
    const answer = await allocate({});
    expect(answer.errors).toBeUndefined();
    expect((answer.data as any).allocateFromPool).toEqual({
      movement: {
        documentNumber: '中编办〔2026〕42号',
        kind: 'ALLOCATE',
        amount: 2,
        from: null,
        to: { name: '中州市疾病预防控制中心' },
        fromLevel: 'CITY',
        toLevel: 'CITY',
        priorityField: 'HEALTH',
      },
      pool: { category: 'PUBLIC_SERVICE', level: 'CITY', available: inPool - 2 },
    });
    // The full unit now has two vacancies, vacant since today.
    expect(await quotasOf('cdc')).toEqual([{ category: 'PUBLIC_SERVICE', approved: 8, occupied: 6, reserved: 0, vacant: 2, vacantSince: '2026-12-02' }]);
    expect(totalOf(await totals(), 'PUBLIC_SERVICE', 'CITY').total).toBe(totalOf(before, 'PUBLIC_SERVICE', 'CITY').total);
  });

  it("allocates from another level's pool as a level change, within the ceiling the higher level approved", async () => {
    const before = await totals();
    const township = totalOf(before, 'PUBLIC_SERVICE', 'TOWNSHIP').total;
    // A ceiling below what the level holds would take quota away: refused.
    const low = await hub.query(
      CEILING,
      { i: { documentNumber: '豫编〔2026〕7号', level: 'TOWNSHIP', category: 'PUBLIC_SERVICE', ceiling: township - 1 } },
      staffing,
    );
    expect(low.errors?.[0]?.extensions).toMatchObject({ code: 'OVER_QUOTA', limit: township, actual: township - 1 });
    const set = await hub.query(
      CEILING,
      { i: { documentNumber: '豫编〔2026〕7号', level: 'TOWNSHIP', category: 'PUBLIC_SERVICE', ceiling: township + 1 } },
      staffing,
    );
    expect((set.data as any).setQuotaCeiling.total).toEqual({
      level: 'TOWNSHIP',
      category: 'PUBLIC_SERVICE',
      total: township,
      ceiling: township + 1,
      ceilingDocumentNumber: '豫编〔2026〕7号',
    });
    const allocate = (documentNumber: string, amount: number) =>
      hub.query(
        ALLOCATE,
        {
          i: {
            documentNumber,
            reason: '乡村教师补充',
            creditCode: code('village'),
            category: 'PUBLIC_SERVICE',
            amount,
            priorityField: 'EDUCATION',
            poolLevel: 'CITY',
          },
        },
        staffing,
      );
    const tooMany = await allocate('中编办〔2026〕43号', 2);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'REGION_CEILING_EXCEEDED', limit: 1, actual: 2 });
    const one = await allocate('中编办〔2026〕43号', 1);
    expect((one.data as any).allocateFromPool.movement).toMatchObject({ fromLevel: 'CITY', toLevel: 'TOWNSHIP', to: { name: '古城镇中心小学' } });
    const after = await totals();
    expect(totalOf(after, 'PUBLIC_SERVICE', 'TOWNSHIP')).toMatchObject({ total: township + 1, ceiling: township + 1 });
    expect(totalOf(after, 'PUBLIC_SERVICE', 'CITY').total).toBe(totalOf(before, 'PUBLIC_SERVICE', 'CITY').total - 1);
    expect(regionTotal(after, 'PUBLIC_SERVICE')).toBe(regionTotal(before, 'PUBLIC_SERVICE'));
  });
});

describe('two writers at once', () => {
  const pool = async () => (await totals()).vacancyPool.find((p) => p.category === 'WORKER' && p.level === 'DISTRICT')?.available ?? 0;

  it('lets one of two reclaims of the same vacancies win, and one of two allocations of the same pool', async () => {
    const reclaim = (documentNumber: string) =>
      hub.query(RECLAIM, { i: { documentNumber, reason: '收回', creditCode: code('depot'), category: 'WORKER', amount: 2 } }, staffing);
    const reclaims = await Promise.all([reclaim('北编〔2026〕1号'), reclaim('北编〔2026〕2号')]);
    expect(reclaims.map(codes).sort()).toEqual([[], ['NO_VACANCY']]);
    expect((await quotasOf('depot'))[0]).toMatchObject({ approved: 2, vacant: 0, vacantSince: null });
    expect(await pool()).toBe(2);
    const allocate = (documentNumber: string, unit: 'yardA' | 'yardB') =>
      hub.query(
        ALLOCATE,
        { i: { documentNumber, reason: '农机安全监管', creditCode: code(unit), category: 'WORKER', amount: 2, priorityField: 'OTHER' } },
        staffing,
      );
    const allocations = await Promise.all([allocate('北编〔2026〕3号', 'yardA'), allocate('北编〔2026〕4号', 'yardB')]);
    expect(allocations.map(codes).sort()).toEqual([[], ['POOL_INSUFFICIENT']]);
    expect(await pool()).toBe(0);
    const approved = [(await quotasOf('yardA'))[0]!.approved, (await quotasOf('yardB'))[0]!.approved].sort();
    expect(approved).toEqual([1, 3]);
  });
});

describe('quota transfers (编随事走)', () => {
  const transfer = (i: Record<string, unknown>, who = staffing) =>
    hub.query(
      TRANSFER,
      {
        i: {
          documentNumber: '中编办〔2026〕50号',
          reason: '职能调整，编随事走',
          fromCreditCode: code('museum'),
          toCreditCode: code('library'),
          category: 'PUBLIC_SERVICE',
          amount: 2,
          ...i,
        },
      },
      who,
    );

  it('refuses a transfer that would put the source over quota, or names the same unit twice, and writes nothing', async () => {
    const before = await totals();
    // 文化馆: 8 approved, 5 on the ledger, 1 reserved: at most 2 may go.
    const over = await transfer({ amount: 3 });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'OVER_QUOTA', limit: 2, actual: 3, field: 'input.amount' });
    expect(codes(await transfer({ toCreditCode: code('museum') }))).toEqual(['INVALID_ARGUMENT']);
    expect(codes(await transfer({ category: 'WORKER' }))).toEqual(['NO_QUOTA']);
    expect(codes(await transfer({ amount: -1 }))).toEqual(['INVALID_ARGUMENT']);
    expect(await totals()).toEqual(before);
  });

  it('moves quota between two units of one level: the giver loses what the receiver gains, the level total stays', async () => {
    const before = await totals();
    const answer = await transfer({});
    expect(answer.errors).toBeUndefined();
    expect((answer.data as any).transferQuota.movement).toEqual({
      documentNumber: '中编办〔2026〕50号',
      kind: 'TRANSFER',
      amount: 2,
      from: { name: '中州市文化馆' },
      to: { name: '中州市图书馆' },
      fromLevel: 'CITY',
      toLevel: 'CITY',
      persons: [],
    });
    expect(await quotasOf('museum')).toEqual([{ category: 'PUBLIC_SERVICE', approved: 6, occupied: 5, reserved: 1, vacant: 0, vacantSince: null }]);
    expect(await quotasOf('library')).toEqual([{ category: 'PUBLIC_SERVICE', approved: 5, occupied: 3, reserved: 0, vacant: 2, vacantSince: '2026-12-02' }]);
    expect(await totals()).toEqual(before);
  });

  it("moves quota between levels, keeping the region's total", async () => {
    const before = await totals();
    const answer = await transfer({ documentNumber: '中编办〔2026〕51号', fromCreditCode: code('library'), toCreditCode: code('district'), amount: 1 });
    expect((answer.data as any).transferQuota.movement).toMatchObject({ fromLevel: 'CITY', toLevel: 'DISTRICT', to: { name: '北湖区文化馆' } });
    const after = await totals();
    expect(totalOf(after, 'PUBLIC_SERVICE', 'CITY').total).toBe(totalOf(before, 'PUBLIC_SERVICE', 'CITY').total - 1);
    expect(totalOf(after, 'PUBLIC_SERVICE', 'DISTRICT').total).toBe(totalOf(before, 'PUBLIC_SERVICE', 'DISTRICT').total + 1);
    expect(regionTotal(after, 'PUBLIC_SERVICE')).toBe(regionTotal(before, 'PUBLIC_SERVICE'));
    const listed = await hub.query(
      `{ quotaMovements(kind: TRANSFER, creditCode: "${code('library')}") { totalCount nodes { documentNumber } } }`,
      {},
      staffing,
    );
    expect((listed.data as any).quotaMovements).toEqual({
      totalCount: 2,
      nodes: [{ documentNumber: '中编办〔2026〕50号' }, { documentNumber: '中编办〔2026〕51号' }],
    });
  });
});

describe('persons moving with their quota (人随编走)', () => {
  const PERSON = `query Person($id: ID!) {
    person(idNumber: $id) {
      ledgerEntry { institution { creditCode } unitJoinDate staffingCardNumber }
      staffingCards { number status institution { creditCode } history { kind on documentNumber fromInstitution { creditCode } institution { creditCode } } }
      employment { institution { creditCode } since }
      payroll { institution { creditCode } onPayroll }
    }
  }`;
  const moving = () => units.middle!.persons.PUBLIC_SERVICE.slice(0, 2);
  const transfer = (i: Record<string, unknown>) =>
    hub.query(
      TRANSFER,
      {
        i: {
          documentNumber: '中编办〔2026〕60号',
          reason: '学校布局调整，教师随编划转',
          fromCreditCode: code('middle'),
          toCreditCode: code('lake'),
          category: 'PUBLIC_SERVICE',
          amount: 2,
          idNumbers: moving(),
          ...i,
        },
      },
      staffing,
    );

  it('refuses persons not on the source’s ledger and persons the target has no room for', async () => {
    const stranger = units.library!.persons.PUBLIC_SERVICE[0]!;
    const wrong = await transfer({ idNumbers: [moving()[0], stranger] });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'input.idNumbers[1]', reason: 'NOT_ON_SOURCE_LEDGER' });
    // 北湖区第三中学 is full: one quota moving cannot seat two persons.
    const crowded = await transfer({ amount: 1 });
    expect(crowded.errors?.[0]?.extensions).toMatchObject({ code: 'NO_VACANCY', reason: 'TARGET', limit: 1, actual: 2 });
    expect(codes(await transfer({ idNumbers: [moving()[0], moving()[0]] }))).toEqual(['INVALID_ARGUMENT']);
    expect((await hub.query(PERSON, { id: moving()[0] }, staffing)).data).toMatchObject({
      person: { ledgerEntry: { institution: { creditCode: code('middle') } } },
    });
  });

  it("moves their ledger entries and cards at once, and HR's and Finance's records when the relay delivers, even if both were down", async () => {
    const [first, second] = moving();
    const HELD = `query Held($code: ID!) {
      institution(creditCode: $code) {
        ledger(first: 10) { nodes { person { idNumber staffingCards { status institution { creditCode } history { kind on documentNumber fromInstitution { creditCode } institution { creditCode } } } } unitJoinDate } }
      }
    }`;
    await Promise.all([hub.subgraphs.hr.suspend(), hub.subgraphs.finance.suspend()]);
    let answer: GraphQLAnswer<any>;
    try {
      answer = await transfer({});
      expect(answer.errors).toBeUndefined();
      expect(answer.data.transferQuota.movement.persons).toEqual([{ idNumber: first }, { idNumber: second }]);
      // The Staffing Office's own records moved in the transfer's transaction.
      const held = ((await hub.query(HELD, { code: code('lake') }, staffing)).data as any).institution.ledger.nodes;
      const moved = held.filter((n: any) => [first, second].includes(n.person.idNumber));
      expect(moved).toHaveLength(2);
      for (const n of moved) {
        expect(n.unitJoinDate).toBe('2026-12-02');
        expect(n.person.staffingCards).toEqual([
          {
            status: 'ACTIVE',
            institution: { creditCode: code('lake') },
            history: [
              {
                kind: 'TRANSFERRED',
                on: '2026-12-02',
                documentNumber: '中编办〔2026〕60号',
                fromInstitution: { creditCode: code('middle') },
                institution: { creditCode: code('lake') },
              },
            ],
          },
        ]);
      }
      // The relay woke after the transfer's answer: its attempt (and any other) ends while both offices are down.
      expect((await hub.gateway.relay.drain()).applied).toBe(0);
    } finally {
      await Promise.all([hub.subgraphs.hr.resume(), hub.subgraphs.finance.resume()]);
    }
    // HR and Finance, which only their own subgraphs write, still have the old unit: the messages wait for their retry.
    const before = ((await hub.query(PERSON, { id: first }, staffing)).data as any).person;
    expect([before.employment.institution.creditCode, before.payroll.institution.creditCode]).toEqual([code('middle'), code('middle')]);
    clock = new Date(clock.getTime() + 10_000);
    expect(await hub.gateway.relay.drain()).toMatchObject({ claimed: 2, applied: 2, failed: 0 });
    for (const id of [first, second]) {
      const person = ((await hub.query(PERSON, { id }, staffing)).data as any).person;
      expect([person.employment, person.payroll]).toEqual([
        { institution: { creditCode: code('lake') }, since: '2026-12-02' },
        { institution: { creditCode: code('lake') }, onPayroll: true },
      ]);
    }
    expect((await hub.gateway.relay.drain()).claimed).toBe(0);
    expect(await quotasOf('middle')).toEqual([{ category: 'PUBLIC_SERVICE', approved: 4, occupied: 2, reserved: 0, vacant: 2, vacantSince: '2026-01-10' }]);
    expect(await quotasOf('lake')).toEqual([{ category: 'PUBLIC_SERVICE', approved: 4, occupied: 4, reserved: 0, vacant: 0, vacantSince: null }]);
    // Each delivery is in the log with the rows the recipient changed, under the transfer's document number.
    const log = await hub.gateway.log.search({}, { limit: 20, offset: 0 });
    const delivered = log.entries.filter((e: any) => e.operationName === 'message:staffing.personsTransferred' && e.outcome === 'ALLOWED');
    expect(delivered.map((e: any) => [e.detail.to, e.detail.changes.map((c: any) => [c.entity, c.key, c.caseNumber])]).sort()).toEqual([
      [
        'finance',
        [
          ['PayrollRecord', first, '中编办〔2026〕60号'],
          ['PayrollRecord', second, '中编办〔2026〕60号'],
        ],
      ],
      [
        'hr',
        [
          ['Employment', first, '中编办〔2026〕60号'],
          ['Employment', second, '中编办〔2026〕60号'],
        ],
      ],
    ]);
  });
});

describe('leadership posts: approved (Staffing Office) against filled (Organization Department)', () => {
  const STATUS = `query Leadership($system: InstitutionSystem, $months: Int) {
    institutions(system: $system, first: 100) {
      nodes { name leadershipPostsApproved leadershipPostsFilled leadershipPostStatus(longVacantMonths: $months) { state approved filled vacant vacantSince vacantMonths } }
    }
  }`;
  const status = async (months?: number) =>
    Object.fromEntries(
      ((await hub.query(STATUS, { system: 'TRANSPORT', months }, organization)).data as any).institutions.nodes.map((n: any) => [
        n.name,
        n.leadershipPostStatus,
      ]),
    );

  it('lists each institution’s status in one gateway query: OK, vacant (undated when the records never show it full)', async () => {
    expect(await status()).toEqual({
      中州市交通运输局: { state: 'OK', approved: 3, filled: 3, vacant: 0, vacantSince: null, vacantMonths: null },
      中州市公路事业发展中心: { state: 'OK', approved: 2, filled: 2, vacant: 0, vacantSince: null, vacantMonths: null },
      中州市港航事业发展中心: { state: 'VACANT', approved: 3, filled: 1, vacant: 2, vacantSince: null, vacantMonths: null },
    });
  });

  it('dates a vacancy from the day a leader left, long-vacant after the months given; over-filled when approved drops below filled', async () => {
    const deputy = units.transport!.persons.ADMINISTRATIVE[1]!;
    const ended = await hub.query(
      `mutation End($i: EndCadrePostInput!) { endCadrePost(input: $i) { pastPost { post leadership leftOn documentNumber institution { creditCode } } } }`,
      { i: { idNumber: deputy, leftOn: '2025-05-31', documentNumber: '中组任〔2025〕18号', reason: '调任' } },
      organization,
    );
    expect(ended.errors).toBeUndefined();
    expect((ended.data as any).endCadrePost.pastPost).toEqual({
      post: '副局长',
      leadership: true,
      leftOn: '2025-05-31',
      documentNumber: '中组任〔2025〕18号',
      institution: { creditCode: code('transport') },
    });
    const cut = await hub.query(
      `mutation Cut($i: SetLeadershipPostsApprovedInput!) { setLeadershipPostsApproved(input: $i) { institution { leadershipPostsApproved } } }`,
      { i: { documentNumber: '中编发〔2026〕12号', creditCode: code('roads'), leadershipPostsApproved: 1 } },
      staffing,
    );
    expect((cut.data as any).setLeadershipPostsApproved.institution).toEqual({ leadershipPostsApproved: 1 });
    expect(await status()).toMatchObject({
      中州市交通运输局: { state: 'LONG_VACANT', approved: 3, filled: 2, vacant: 1, vacantSince: '2025-05-31', vacantMonths: 18 },
      中州市公路事业发展中心: { state: 'OVER_FILLED', approved: 1, filled: 2, vacant: -1 },
    });
    expect((await status(24)).中州市交通运输局).toMatchObject({ state: 'VACANT', vacantSince: '2025-05-31' });
  });

  it('refuses another office’s writes and bad dates, each by its code', async () => {
    const leader = units.ports!.persons.PUBLIC_SERVICE[0]!;
    const end = (i: Record<string, unknown>, who = organization) =>
      hub.query(
        `mutation End($i: EndCadrePostInput!) { endCadrePost(input: $i) { pastPost { leftOn } } }`,
        { i: { idNumber: leader, leftOn: '2026-01-01', documentNumber: '中组任〔2026〕1号', reason: '退休', ...i } },
        who,
      );
    expect(codes(await end({ leftOn: '2027-01-01' }))).toEqual(['INVALID_ARGUMENT']);
    expect(codes(await end({ leftOn: '2019-01-01' }))).toEqual(['INVALID_ARGUMENT']);
    expect(codes(await end({ idNumber: units.ports!.persons.PUBLIC_SERVICE[1] }))).toEqual(['NOT_FOUND']);
    expect(codes(await end({}, staffing))).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await hub.query(
          `mutation Cut($i: SetLeadershipPostsApprovedInput!) { setLeadershipPostsApproved(input: $i) { institution { name } } }`,
          { i: { documentNumber: 'x', creditCode: code('ports'), leadershipPostsApproved: 1 } },
          organization,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect((await status()).中州市港航事业发展中心).toMatchObject({ state: 'VACANT', filled: 1 });
  });
});
