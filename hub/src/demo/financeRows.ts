import { ageOn, monthBefore } from './dates.ts';
import type { InstitutionDraft } from './institutions.ts';
import type { PersonDraft } from './persons.ts';
import type { Random } from './random.ts';
import type { Removed } from './removals.ts';
import type { City, PayrollRecordRow, QuotaRow, TitleLevel } from './types.ts';

const LAST_MONTH = '2026-10';
const TITLE_BONUS: Record<TitleLevel, number> = { JUNIOR: 300, INTERMEDIATE: 1100, ASSOCIATE_SENIOR: 2200, SENIOR: 3400 };
const BUDGET_LINES = [
  ['30101 基本工资', 70],
  ['30102 津贴补贴', 12],
  ['30103 奖金', 3],
  ['30107 绩效工资', 15],
] as const;

/** Monthly gross pay, 4 200 – 13 000 yuan, growing with age, title and cadre post. */
function grossPay(rng: Random, p: PersonDraft): number {
  const base = 4200 + (ageOn(p.birthDate) - 22) * 115 + (p.titleLevel ? TITLE_BONUS[p.titleLevel] : 0) + (p.cadre ? rng.int(1200, 3200) : 0);
  const pay = Math.min(13000, Math.max(4200, base + rng.int(-500, 900) + rng.int(0, 99) / 100));
  return Math.round(pay * 100) / 100;
}

function payroll(rng: Random, p: PersonDraft, onPayroll: boolean, lastPaidMonth: string): PayrollRecordRow {
  return {
    idNumber: p.idNumber,
    nameOnRecord: p.name,
    institutionCreditCode: p.institution.row.creditCode,
    onPayroll,
    lastPaidMonth,
    budgetLine: rng.weighted(BUDGET_LINES),
    monthlyGrossPay: grossPay(rng, p),
  };
}

/**
 * Finance's rows: one budget unit per institution with the approved funding form and headcount, and a
 * payroll record per in-quota person (stopped the month before a removal took effect).
 */
export function financeRows(rng: Random, drafts: InstitutionDraft[], quotas: QuotaRow[], inQuota: PersonDraft[], removed: Removed[]): City['finance'] {
  const approved = new Map<string, number>();
  for (const q of quotas) approved.set(q.institutionCreditCode, (approved.get(q.institutionCreditCode) ?? 0) + q.approved);
  return {
    budgetUnits: drafts.map((d, i) => ({
      code: `YS${d.row.creditCode.slice(6, 8)}${String(i + 1).padStart(4, '0')}`,
      institutionCreditCode: d.row.creditCode,
      name: d.row.name,
      fundingForm: d.row.fundingForm,
      budgetedHeadcount: approved.get(d.row.creditCode) ?? 0,
    })),
    payrollRecords: [
      ...inQuota.map((p) => payroll(rng, p, true, LAST_MONTH)),
      ...removed.map((r) => payroll(rng, r.person, false, monthBefore(r.removal.effectiveOn))),
    ],
  };
}
