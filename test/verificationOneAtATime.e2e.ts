import { type SQL, sql } from 'drizzle-orm';
import { generateCity } from '@hub/launcher/demo';
import { readSheetRows } from '@hub/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './src/index.ts';

/**
 * One problem at a time: from a small demo city's first run (the baseline, planted problems and all),
 * each case plants ONE problem directly in the owning office's database, runs, expects exactly one
 * NEW finding of exactly its type, then undoes it, runs again and expects exactly that finding RESOLVED.
 */
const NOW = new Date('2026-11-02T02:00:00Z');
const city = generateCity({ seed: 11, institutions: 20, persons: 400 });
const COORDINATOR = { office: 'staffing', role: 'COORDINATOR', sub: 'xt-coordinator' };
type Office = 'staffing' | 'hr' | 'finance' | 'organization';
type Change = { type: string; creditCode: string | null; idNumber: string | null };

const CHANGES = `query($id: ID!, $change: FindingChange!) { verificationRun(id: $id) { status error changes(change: $change, first: 50) { totalCount nodes { finding { type creditCode idNumber } } } } }`;

const p = city.planted;
const plantedIds = new Set(
  [p.removedStillPaid.idNumber, p.uninsured.idNumber, p.twoCards.idNumber, p.mistypedId.trueIdNumber, p.cadreNotOnLedger.idNumber].filter(Boolean),
);
const plantedUnits = new Set([p.overQuota.creditCode, p.fundingMismatch.creditCode, p.mistypedId.creditCode].filter(Boolean) as string[]);
const payroll = new Map(city.finance.payrollRecords.map((r) => [r.idNumber, r]));
const cleanLedger = city.staffing.ledgerEntries.filter(
  (e) => !plantedIds.has(e.idNumber) && !plantedUnits.has(e.institutionCreditCode) && payroll.get(e.idNumber)?.onPayroll,
);
const person = (n: number) => cleanLedger[n]!;
const removedOffPayroll = city.staffing.removals.find((r) => !plantedIds.has(r.idNumber) && payroll.get(r.idNumber) && !payroll.get(r.idNumber)!.onPayroll)!;
const unitWith = (n: number) => {
  const units = [...new Set(cleanLedger.map((e) => e.institutionCreditCode))];
  return units[n % units.length]!;
};
const overUnit = unitWith(3);
const overQuota = city.staffing.quotas.find((q) => q.institutionCreditCode === overUnit)!;
const overOccupied = city.staffing.ledgerEntries.filter((e) => e.institutionCreditCode === overUnit && e.quotaCategory === overQuota.category).length;
const budgetOf = (creditCode: string) => city.finance.budgetUnits.find((b) => b.institutionCreditCode === creditCode)!;
const fundingUnit = unitWith(5);
const fundingForm = city.staffing.institutions.find((i) => i.creditCode === fundingUnit)!.fundingForm;
const otherForm = fundingForm === 'FULL' ? 'PARTIAL' : 'FULL';
const cardHolder = person(7);
const otherUnit = unitWith(8) === cardHolder.institutionCreditCode ? unitWith(9) : unitWith(8);
const renamed = person(11);
const uninsured = person(13);
/** 18 characters that fail GB 11643-1999 (the check character of 11010519491231002X is X). */
const INVALID_ID = '110105194912310021';

interface Case {
  type: string;
  subject: { creditCode?: string; idNumber?: string };
  plant: [Office, SQL][];
  undo: [Office, SQL][];
}

const cases: Case[] = [
  {
    type: 'PAID_NOT_ON_ROSTER',
    subject: { idNumber: removedOffPayroll.idNumber },
    plant: [
      ['finance', sql`update finance.payroll_records set on_payroll = true, last_paid_month = '2026-10' where id_number = ${removedOffPayroll.idNumber}`],
    ],
    undo: [
      [
        'finance',
        sql`update finance.payroll_records set on_payroll = false, last_paid_month = ${payroll.get(removedOffPayroll.idNumber)!.lastPaidMonth} where id_number = ${removedOffPayroll.idNumber}`,
      ],
    ],
  },
  {
    type: 'OVER_QUOTA',
    subject: { creditCode: overUnit },
    // Fewer approved than on the ledger; the reserved count goes too, so nothing else changes with it.
    plant: [
      [
        'staffing',
        sql`update staffing.quotas set approved = ${overOccupied - 1}, reserved = 0 where institution_credit_code = ${overUnit} and category = ${overQuota.category}`,
      ],
      [
        'finance',
        sql`update finance.budget_units set budgeted_headcount = budgeted_headcount - ${overQuota.approved - (overOccupied - 1)} where institution_credit_code = ${overUnit}`,
      ],
    ],
    undo: [
      [
        'staffing',
        sql`update staffing.quotas set approved = ${overQuota.approved}, reserved = ${overQuota.reserved ?? 0} where institution_credit_code = ${overUnit} and category = ${overQuota.category}`,
      ],
      [
        'finance',
        sql`update finance.budget_units set budgeted_headcount = ${budgetOf(overUnit).budgetedHeadcount} where institution_credit_code = ${overUnit}`,
      ],
    ],
  },
  {
    type: 'DUPLICATE_CARD',
    subject: { idNumber: cardHolder.idNumber },
    plant: [
      [
        'staffing',
        sql`insert into staffing.staffing_cards (number, id_number, institution_credit_code, category, issued_on, status) values ('BZTEST0000000001', ${cardHolder.idNumber}, ${otherUnit}, ${cardHolder.quotaCategory}, '2026-09-01', 'ACTIVE')`,
      ],
    ],
    undo: [['staffing', sql`delete from staffing.staffing_cards where number = 'BZTEST0000000001'`]],
  },
  {
    type: 'IN_QUOTA_NOT_INSURED',
    subject: { idNumber: uninsured.idNumber },
    plant: [['hr', sql`update hr.insurances set enrolled = false, occupational_annuity = false, since = null where id_number = ${uninsured.idNumber}`]],
    undo: (() => {
      const i = city.hr.insurances.find((r) => r.idNumber === uninsured.idNumber)!;
      return [
        [
          'hr',
          sql`update hr.insurances set enrolled = ${i.enrolled}, occupational_annuity = ${i.occupationalAnnuity}, since = ${i.since ?? null} where id_number = ${uninsured.idNumber}`,
        ],
      ];
    })(),
  },
  {
    type: 'FUNDING_FORM_MISMATCH',
    subject: { creditCode: fundingUnit },
    plant: [['finance', sql`update finance.budget_units set funding_form = ${otherForm} where institution_credit_code = ${fundingUnit}`]],
    undo: [
      ['finance', sql`update finance.budget_units set funding_form = ${budgetOf(fundingUnit).fundingForm} where institution_credit_code = ${fundingUnit}`],
    ],
  },
  {
    type: 'IDENTITY_MISMATCH',
    subject: { idNumber: renamed.idNumber },
    plant: [
      [
        'finance',
        sql`update finance.payroll_records set name_on_record = ${`${payroll.get(renamed.idNumber)!.nameOnRecord}某`} where id_number = ${renamed.idNumber}`,
      ],
    ],
    undo: [
      [
        'finance',
        sql`update finance.payroll_records set name_on_record = ${payroll.get(renamed.idNumber)!.nameOnRecord} where id_number = ${renamed.idNumber}`,
      ],
    ],
  },
  {
    type: 'INVALID_ID_NUMBER',
    subject: { idNumber: INVALID_ID },
    plant: [['hr', sql`insert into hr.persons (id_number, name, ethnicity, native_place) values (${INVALID_ID}, '核查测', '汉族', '河南省中州市')`]],
    undo: [['hr', sql`delete from hr.persons where id_number = ${INVALID_ID}`]],
  },
];

describe('verification finds one planted problem at a time, and sees it resolved once undone', () => {
  let hub: TestHub;
  let coordinator: Record<string, string>;

  const run = async () => {
    const started = await hub.query(`mutation { startVerificationRun(input: { kind: ALL }) { created run { id } } }`, {}, coordinator);
    expect(started.errors).toBeUndefined();
    expect(started.data.startVerificationRun.created).toBe(true);
    await hub.verification.drain();
    const id: string = started.data.startVerificationRun.run.id;
    const changes = async (change: string): Promise<Change[]> => {
      const answer = await hub.query(CHANGES, { id, change }, coordinator);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.verificationRun).toMatchObject({ status: 'SUCCEEDED', error: null });
      return answer.data.verificationRun.changes.nodes.map((n: { finding: Change }) => n.finding);
    };
    return { fresh: await changes('NEW'), resolved: await changes('RESOLVED') };
  };
  const exec = async (statements: [Office, SQL][]) => {
    for (const [office, s] of statements) await (hub.subgraphs[office].database.db as any).execute(s);
  };

  beforeAll(async () => {
    hub = await startTestHub(() => city, { now: () => NOW });
    coordinator = await hub.as(COORDINATOR);
    await run(); // the baseline: the small city's planted problems
  }, 600_000);
  afterAll(() => hub?.stop());

  it.each(cases)(
    '$type: one new finding when planted, resolved when undone',
    async (c) => {
      await exec(c.plant);
      const planted = await run();
      expect(planted.resolved).toEqual([]);
      expect(planted.fresh).toEqual([expect.objectContaining({ type: c.type, ...c.subject })]);
      await exec(c.undo);
      const undone = await run();
      expect(undone.fresh).toEqual([]);
      expect(undone.resolved).toEqual([expect.objectContaining({ type: c.type, ...c.subject })]);
    },
    300_000,
  );
  const ALL_FINDINGS = `query($creditCode: String, $mustAct: String, $after: String) { findings(creditCode: $creditCode, mustAct: $mustAct, first: 7, after: $after) { nodes { id type severity mustAct offices creditCode idNumber status description firstSeenAt lastSeenAt values { office item value } } pageInfo { hasNextPage endCursor } } }`;
  const answerRows = async (variables: Record<string, string>, headers: Record<string, string>) => {
    const rows: unknown[][] = [];
    for (let after: string | null = null, more = true; more; ) {
      const page: { data?: any; errors?: unknown[] } = await hub.query(ALL_FINDINGS, { ...variables, after }, headers);
      expect(page.errors).toBeUndefined();
      for (const f of page.data.findings.nodes) {
        rows.push([
          f.id,
          f.type,
          f.severity,
          f.mustAct,
          f.offices.join(', '),
          f.creditCode ?? '',
          f.idNumber ?? '',
          f.status,
          f.description,
          f.firstSeenAt,
          f.lastSeenAt,
          f.values.map((v: { office: string; item: string; value: string | null }) => `${v.office} ${v.item}=${v.value ?? '∅'}`).join('\n'),
        ]);
      }
      more = page.data.findings.pageInfo.hasNextPage;
      after = page.data.findings.pageInfo.endCursor;
    }
    return rows;
  };
  const download = async (query: string, headers: Record<string, string>) => {
    const response = await fetch(`${hub.url.replace(/\/graphql$/, '')}/reports/findings.xlsx?${query}`, { headers });
    if (response.status !== 200) return { status: response.status, rows: [], body: await response.json() };
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const rows: unknown[][] = [];
    // Empty cells come back as null from the reader; the API's absent credit code or ID number is ''.
    for await (const row of readSheetRows(Buffer.from(await response.arrayBuffer()))) rows.push(row.cells.map((c) => c ?? ''));
    return { status: 200, rows, body: null };
  };

  it('downloads the findings of an office, or of an institution, as .xlsx: its rows those of the GraphQL answer', async () => {
    const finance = await download('mustAct=finance', coordinator);
    expect(finance.status).toBe(200);
    expect(finance.rows[0]).toEqual(['核查问题清单（应处理部门 finance）']);
    expect(finance.rows[1]?.[0]).toBe('编号');
    const expected = await answerRows({ mustAct: 'finance' }, coordinator);
    expect(expected.length).toBeGreaterThan(1);
    expect(finance.rows.slice(2)).toEqual(expected);

    const unit = p.overQuota.creditCode;
    const one = await download(`creditCode=${unit}`, coordinator);
    const ofUnit = await answerRows({ creditCode: unit }, coordinator);
    expect(ofUnit.length).toBeGreaterThan(0);
    expect(one.rows.slice(2)).toEqual(ofUnit);
  });

  it('refuses a download without a scope, with a malformed one, or without a valid token', async () => {
    const none = await download('', coordinator);
    expect(none.status).toBe(400);
    expect(none.body.errors[0].extensions.code).toBe('INVALID_ARGUMENT');
    expect((await download('creditCode=x%27%3B--', coordinator)).status).toBe(400);
    const anonymous = await download('mustAct=finance', { authorization: 'Bearer nonsense' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
