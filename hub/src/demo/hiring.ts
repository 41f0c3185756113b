import { addMonths } from '@hub/schema';
import { addDays, TODAY } from './dates.ts';
import { Random } from './random.ts';
import type { City, HiringApplicationRow, HiringApprovalRow, QuotaCategory } from './types.ts';

/** The Staffing Office's documents, numbered as the hub numbers them (subgraphs/staffing/src/domain/documentNumbers.ts). */
const auditNotice = (year: number, n: number) => `编审〔${year}〕${String(n).padStart(4, '0')}号`;
const approvalForm = (year: number, n: number) => `进编〔${year}〕${String(n).padStart(4, '0')}号`;
/** Approvals are valid six months less a day (HIRING_APPROVAL_MONTHS). */
const VALID_MONTHS = 6;
/** How many days before TODAY approvals were given: up to eleven months, or (all still valid) four. */
const APPROVED_WITHIN_DAYS = { any: 335, valid: 120 } as const;

const REASONS = ['人员退休后补充', '新增职能需要', '专业技术岗位空缺', '一线岗位人员紧缺', '窗口服务岗位补员'] as const;
/** How many applications wait for the Staffing Office's decision, and how many it refused. */
const PENDING = 6;
const REFUSED = 2;

const at = (day: string) => new Date(`${day}T02:00:00Z`);

/**
 * Hiring in progress in the demo city, on its own random stream (the rest of the city is as before):
 * every reservation of the quotas (`reserved`) is an approval still open, approved in the eleven
 * months before TODAY, so those older than six months are past their validity and listed as unused
 * (跟踪问效); HR holds its copy of each. A few applications wait for a decision, and two were refused.
 * `allValid` (a clean city): every approval was given in the last four months, none past its validity.
 */
export function hiringRows(
  seed: number,
  staffing: City['staffing'],
  { allValid = false }: { allValid?: boolean } = {},
): {
  staffing: Required<Pick<City['staffing'], 'hiringApplications' | 'hiringApprovals' | 'documentCounters'>>;
  hr: Required<Pick<City['hr'], 'hiringApprovals'>>;
} {
  const rng = new Random(seed ^ 0x6a09e667);
  const occupied = new Map<string, number>();
  for (const e of staffing.ledgerEntries)
    occupied.set(`${e.institutionCreditCode}|${e.quotaCategory}`, (occupied.get(`${e.institutionCreditCode}|${e.quotaCategory}`) ?? 0) + 1);
  const quotas = [...staffing.quotas].sort((a, b) => a.institutionCreditCode.localeCompare(b.institutionCreditCode) || a.category.localeCompare(b.category));

  const drafts = quotas
    .filter((q) => q.reserved > 0)
    .map((q) => ({
      quota: q,
      approvedOn: addDays(TODAY, -rng.int(1, APPROVED_WITHIN_DAYS[allValid ? 'valid' : 'any'])),
      reason: rng.pick(REASONS),
      lead: rng.int(3, 20),
    }))
    .sort((a, b) => a.approvedOn.localeCompare(b.approvedOn) || a.quota.institutionCreditCode.localeCompare(b.quota.institutionCreditCode));
  const serials = new Map<number, number>();
  const applications: HiringApplicationRow[] = [];
  const approvals: HiringApprovalRow[] = [];
  const application = (row: Omit<HiringApplicationRow, 'id' | 'appliedAt' | 'appliedBy'>) => {
    const full = { ...row, id: applications.length + 1, appliedAt: at(row.appliedOn), appliedBy: `unit-${row.institutionCreditCode.slice(-6)}` };
    applications.push(full);
    return full;
  };
  for (const d of drafts) {
    const year = Number(d.approvedOn.slice(0, 4));
    const n = (serials.get(year) ?? 0) + 1;
    serials.set(year, n);
    const applied = application({
      institutionCreditCode: d.quota.institutionCreditCode,
      category: d.quota.category,
      persons: d.quota.reserved,
      reason: d.reason,
      status: 'APPROVED',
      appliedOn: addDays(d.approvedOn, -d.lead),
      decidedAt: at(d.approvedOn),
      decidedBy: 'demo-reviewer',
      refusalReason: null,
    });
    approvals.push({
      approvalFormNumber: approvalForm(year, n),
      auditNoticeNumber: auditNotice(year, n),
      applicationId: applied.id,
      institutionCreditCode: d.quota.institutionCreditCode,
      category: d.quota.category,
      persons: d.quota.reserved,
      used: 0,
      approvedOn: d.approvedOn,
      validUntil: addDays(addMonths(d.approvedOn, VALID_MONTHS), -1),
      approvedAt: at(d.approvedOn),
      approvedBy: 'demo-reviewer',
    });
  }

  // Waiting and refused applications, from units with a vacancy left.
  const vacant = quotas.filter((q) => q.approved - (occupied.get(`${q.institutionCreditCode}|${q.category}`) ?? 0) - q.reserved >= 1);
  for (let i = 0; i < PENDING + REFUSED && vacant.length; i++) {
    const q = vacant.splice(rng.int(0, vacant.length - 1), 1)[0]!;
    const refused = i >= PENDING;
    const appliedOn = addDays(TODAY, -rng.int(1, 25));
    application({
      institutionCreditCode: q.institutionCreditCode,
      category: q.category as QuotaCategory,
      persons: 1,
      reason: rng.pick(REASONS),
      status: refused ? 'REFUSED' : 'PENDING',
      appliedOn,
      decidedAt: refused ? at(addDays(appliedOn, 1)) : null,
      decidedBy: refused ? 'demo-reviewer' : null,
      refusalReason: refused ? '岗位设置方案未经核准' : null,
    });
  }

  return {
    staffing: {
      hiringApplications: applications,
      hiringApprovals: approvals,
      documentCounters: [...serials].flatMap(([year, last]) => [
        { series: 'AUDIT_NOTICE', year, last },
        { series: 'APPROVAL_FORM', year, last },
      ]),
    },
    hr: {
      hiringApprovals: approvals.map((a) => ({
        approvalFormNumber: a.approvalFormNumber,
        auditNoticeNumber: a.auditNoticeNumber,
        institutionCreditCode: a.institutionCreditCode,
        category: a.category,
        persons: a.persons,
        approvedOn: a.approvedOn,
        validUntil: a.validUntil,
        hired: 0,
        receivedAt: a.approvedAt,
      })),
    },
  };
}
