import { readFileSync } from 'node:fs';
import { type SQL, sql } from 'drizzle-orm';
import { type EnumTypeDefinitionNode, Kind, parse } from 'graphql';
import { generateCity } from '@hub/launcher/demo';
import { idNumberCheckChar, readSheetRows } from '@hub/schema';
import { SUPERGRAPH_PATH } from '@hub/schema/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerificationChanges, startTestHub, type TestHub } from './src/index.ts';

/**
 * One problem at a time: from a small demo city's first run (the baseline, planted problems and all),
 * each case plants ONE problem directly in the owning office's database, runs, expects exactly one
 * NEW finding of exactly its type, then undoes it, runs again and expects exactly that finding RESOLVED.
 * Every finding type a run produces has its case. Where the office's own fix is the natural end of the
 * problem (Finance applies the stop-pay notice, the Staffing Office withdraws the stale approval), the
 * undo is that fix rather than a delete; what it leaves behind is consistent and finds nothing.
 */
const NOW = new Date('2026-11-02T02:00:00Z');
const city = generateCity({ seed: 11, institutions: 20, persons: 400 });
const COORDINATOR = { office: 'staffing', role: 'COORDINATOR', sub: 'xt-coordinator' };
type Office = 'staffing' | 'hr' | 'finance' | 'organization';

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

const removedOff = city.staffing.removals.filter((r) => !plantedIds.has(r.idNumber) && payroll.get(r.idNumber)?.onPayroll === false);
const cleanUnits = new Set(cleanLedger.map((e) => e.institutionCreditCode));
const leaders = (creditCode: string) => city.organization.cadres.filter((c) => c.leadership && c.institutionCreditCode === creditCode).length;
const institution = (creditCode: string) => city.staffing.institutions.find((i) => i.creditCode === creditCode)!;
const unpaid = person(17);
const rehired = removedOff[removedOff.length - 1]!;
const unstopped = removedOff[0]!;
/** 人事代理 since after the 2014 reform: the enterprise account is right, the public-institution agency one wrong. */
const lateAgency = city.hr.employments.find((e) => e.type === 'PERSONNEL_AGENCY' && e.since >= '2014-10-01' && !plantedIds.has(e.idNumber))!;
const headcountUnit = unitWith(6);
const overFilledUnit = [...cleanUnits].find((c) => leaders(c) >= 2 && c !== p.cadreNotOnLedger.creditCode)!;
const outsider = city.hr.employments.find(
  (e) =>
    (e.type === 'LABOR_DISPATCH' || e.type === 'TEMPORARY') &&
    e.idNumber !== p.cadreNotOnLedger.idNumber &&
    cleanUnits.has(e.institutionCreditCode) &&
    leaders(e.institutionCreditCode) < institution(e.institutionCreditCode).leadershipPostsApproved,
)!;
const outsiderName = city.hr.persons.find((x) => x.idNumber === outsider.idNumber)!.name;
/** The demo's mistyped form: one digit of the sequence code changed, the check character recomputed, a number nobody has. */
const mistyped = person(19);
const everyId = new Set([...city.hr.persons, ...city.finance.payrollRecords, ...city.staffing.staffingCards].map((r) => r.idNumber));
const strayId = (() => {
  for (const digit of '0123456789') {
    const first17 = mistyped.idNumber.slice(0, 14) + digit + mistyped.idNumber.slice(15, 17);
    const id = first17 + idNumberCheckChar(first17);
    if (id !== mistyped.idNumber && !everyId.has(id)) return id;
  }
  throw new Error('no free mistyped variant');
})();
const approvalUnit = unitWith(10);
const approvalCategory = city.staffing.quotas.find((q) => q.institutionCreditCode === approvalUnit)!.category;
const october = city.staffing.monthlyRemovalReports!.find((r) => r.month === '2026-10' && cleanUnits.has(r.institutionCreditCode))!;

interface Case {
  type: string;
  subject: { creditCode?: string | null; idNumber?: string | null };
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
  {
    type: 'ON_ROSTER_NOT_PAID',
    subject: { idNumber: unpaid.idNumber, creditCode: unpaid.institutionCreditCode },
    plant: [['finance', sql`update finance.payroll_records set on_payroll = false where id_number = ${unpaid.idNumber}`]],
    undo: [['finance', sql`update finance.payroll_records set on_payroll = true where id_number = ${unpaid.idNumber}`]],
  },
  {
    type: 'REMOVED_BUT_EMPLOYED',
    subject: { idNumber: rehired.idNumber, creditCode: rehired.institutionCreditCode },
    // Still employed out of quota (临聘), so no in-quota count or pension rule moves with it.
    plant: [
      [
        'hr',
        sql`insert into hr.employments (id_number, institution_credit_code, type, since) values (${rehired.idNumber}, ${rehired.institutionCreditCode}, 'TEMPORARY', ${rehired.effectiveOn})`,
      ],
    ],
    undo: [['hr', sql`delete from hr.employments where id_number = ${rehired.idNumber}`]],
  },
  {
    type: 'STOP_PAY_NOT_APPLIED',
    subject: { idNumber: unstopped.idNumber, creditCode: unstopped.institutionCreditCode },
    // A notice issued seven weeks before the run, which Finance never applied (its pay had stopped already) …
    plant: [
      [
        'staffing',
        sql`insert into staffing.stop_pay_notices (number, removal_id, id_number, institution_credit_code, reason, effective_on, stop_from_month, issued_at, message_id)
            select '停拨〔2026〕99001号', id, id_number, institution_credit_code, reason, effective_on, to_char(effective_on + interval '1 month', 'YYYY-MM'), '2026-09-15T02:00:00Z', 'oneat-stop-pay-1'
            from staffing.removals where id_number = ${unstopped.idNumber}`,
      ],
    ],
    // … until Finance records it applied: the fix the next run confirms.
    undo: [
      [
        'finance',
        sql`insert into finance.stop_pay_notices (notice_number, message_id, id_number, institution_credit_code, reason, effective_on, stop_from_month, issued_at, applied_at, outcome, paid_through_month)
            values ('停拨〔2026〕99001号', 'oneat-stop-pay-1', ${unstopped.idNumber}, ${unstopped.institutionCreditCode}, ${unstopped.reason}, ${unstopped.effectiveOn}, '2026-10', '2026-09-15T02:00:00Z', '2026-11-01T02:00:00Z', 'ALREADY_STOPPED', ${payroll.get(unstopped.idNumber)!.lastPaidMonth})`,
      ],
    ],
  },
  {
    type: 'WRONG_PENSION_ACCOUNT',
    subject: { idNumber: lateAgency.idNumber, creditCode: lateAgency.institutionCreditCode },
    plant: [['hr', sql`update hr.insurances set pension_account = 'PUBLIC_INSTITUTION_AGENCY' where id_number = ${lateAgency.idNumber}`]],
    undo: [['hr', sql`update hr.insurances set pension_account = 'ENTERPRISE' where id_number = ${lateAgency.idNumber}`]],
  },
  {
    type: 'HEADCOUNT_MISMATCH',
    subject: { creditCode: headcountUnit, idNumber: null },
    plant: [['finance', sql`update finance.budget_units set budgeted_headcount = budgeted_headcount + 1 where institution_credit_code = ${headcountUnit}`]],
    undo: [
      [
        'finance',
        sql`update finance.budget_units set budgeted_headcount = ${budgetOf(headcountUnit).budgetedHeadcount} where institution_credit_code = ${headcountUnit}`,
      ],
    ],
  },
  {
    type: 'LEADERSHIP_POSTS_OVER_FILLED',
    subject: { creditCode: overFilledUnit, idNumber: null },
    // One post fewer approved than Organization has filled.
    plant: [
      ['staffing', sql`update staffing.institutions set leadership_posts_approved = ${leaders(overFilledUnit) - 1} where credit_code = ${overFilledUnit}`],
    ],
    undo: [
      [
        'staffing',
        sql`update staffing.institutions set leadership_posts_approved = ${institution(overFilledUnit).leadershipPostsApproved} where credit_code = ${overFilledUnit}`,
      ],
    ],
  },
  {
    type: 'CADRE_NOT_ON_ROSTER',
    subject: { idNumber: outsider.idNumber, creditCode: outsider.institutionCreditCode },
    // A dispatched or temporary worker appointed deputy head, in a unit with a leadership post still free.
    plant: [
      [
        'organization',
        sql`insert into organization.cadres (id_number, name, institution_credit_code, post, rank, leadership, appointed_on) values (${outsider.idNumber}, ${outsiderName}, ${outsider.institutionCreditCode}, '副主任', 'DEPUTY_SECTION', true, '2026-10-08')`,
      ],
    ],
    undo: [['organization', sql`delete from organization.cadres where id_number = ${outsider.idNumber}`]],
  },
  {
    type: 'NEAR_DUPLICATE_PERSON',
    subject: { idNumber: mistyped.idNumber, creditCode: mistyped.institutionCreditCode },
    plant: [['finance', sql`update finance.payroll_records set id_number = ${strayId} where id_number = ${mistyped.idNumber}`]],
    undo: [['finance', sql`update finance.payroll_records set id_number = ${mistyped.idNumber} where id_number = ${strayId}`]],
  },
  {
    type: 'STALE_DATA',
    subject: { creditCode: null, idNumber: null },
    // Finance has not paid October (the run is in November): its payroll stops at September.
    plant: [['finance', sql`update finance.payroll_records set last_paid_month = '2026-09' where on_payroll and last_paid_month = '2026-10'`]],
    undo: [['finance', sql`update finance.payroll_records set last_paid_month = '2026-10' where on_payroll and last_paid_month = '2026-09'`]],
  },
  {
    type: 'UNUSED_APPROVAL',
    subject: { creditCode: approvalUnit, idNumber: null },
    // An approval given in March, valid until September, nobody hired against it …
    plant: [
      [
        'staffing',
        sql`insert into staffing.hiring_approvals (approval_form_number, audit_notice_number, institution_credit_code, category, persons, used, approved_on, valid_until, approved_at, approved_by)
            values ('进编〔2026〕9901号', '编审〔2026〕9901号', ${approvalUnit}, ${approvalCategory}, 1, 0, '2026-03-10', '2026-09-09', '2026-03-10T02:00:00Z', 'oneat-reviewer')`,
      ],
    ],
    // … until the Staffing Office withdraws it (跟踪问效).
    undo: [
      [
        'staffing',
        sql`update staffing.hiring_approvals set withdrawn_on = '2026-11-01', withdrawal_reason = '逾期未使用', released_persons = 1 where approval_form_number = '进编〔2026〕9901号'`,
      ],
    ],
  },
  {
    type: 'UNREPORTED_REMOVALS',
    subject: { creditCode: october.institutionCreditCode, idNumber: null },
    plant: [
      ['staffing', sql`delete from staffing.monthly_removal_reports where institution_credit_code = ${october.institutionCreditCode} and month = '2026-10'`],
    ],
    undo: [
      [
        'staffing',
        sql`insert into staffing.monthly_removal_reports (institution_credit_code, month, removal_count, submitted_at, submitted_by)
            values (${october.institutionCreditCode}, '2026-10', ${october.removalCount}, ${october.submittedAt.toISOString()}, ${october.submittedBy})`,
      ],
    ],
  },
];

/**
 * FindingType as the composed contract declares it: every type a run finds gets its case. FLAGGED_VALUE
 * is a consumer office's flag (校核纠错), raised through the API, never by a run.
 */
const findingTypes = (
  parse(readFileSync(SUPERGRAPH_PATH, 'utf8')).definitions.find(
    (d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'FindingType',
  ) as EnumTypeDefinitionNode
)
  .values!.map((v) => v.name.value)
  .filter((t) => t !== 'FLAGGED_VALUE');

describe('verification finds one planted problem at a time, and sees it resolved once undone', () => {
  it('has one case for each of the finding types', () => {
    expect(findingTypes).toHaveLength(18);
    expect(cases.map((c) => c.type).sort()).toEqual([...findingTypes].sort());
  });

  let hub: TestHub;
  let coordinator: Record<string, string>;

  const run = () => runVerificationChanges(hub, coordinator);
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
