import { draft } from './draft.ts';
import type { FindingDraft } from './types.ts';

/** A unit the Staffing Office lists as without its monthly removal report for an ended month. */
export interface UnreportedUnit {
  creditCode: string;
  month: string;
}

/** A hiring approval the Staffing Office lists as not used within its validity. */
export interface UnusedApproval {
  approvalFormNumber: string;
  creditCode: string;
  persons: number;
  used: number;
  validUntil: string;
}

/**
 * The Staffing Office's own lists of follow-ups (跟踪问效), taken as findings so that they are tracked
 * with the rest: UNREPORTED_REMOVALS for a unit without its report of the last ended month (DESIGN
 * §3.3), UNUSED_APPROVAL for an approval not staffed within its validity (§3.6). The rules stay the
 * Staffing Office's (its `unreportedRemovalUnits` and `unusedHiringApprovals`); the run only records them.
 */
export function listedFindings(unreported: readonly UnreportedUnit[], unused: readonly UnusedApproval[]): FindingDraft[] {
  return [
    ...unreported.map((u) =>
      draft(
        'UNREPORTED_REMOVALS',
        'LOW',
        'staffing',
        { creditCode: u.creditCode, extra: u.month },
        [`${u.month} 人员核减月报未按时报送`, `no monthly removal report for ${u.month}`],
        [{ office: 'staffing', item: 'MonthlyRemovalReport.month', value: null }],
      ),
    ),
    ...unused.map((a) =>
      draft(
        'UNUSED_APPROVAL',
        'LOW',
        'staffing',
        { creditCode: a.creditCode, extra: a.approvalFormNumber },
        [
          `进人用编审批表 ${a.approvalFormNumber} 核准 ${a.persons} 人，已用 ${a.used}，有效期至 ${a.validUntil}`,
          `approval ${a.approvalFormNumber}: ${a.persons} approved, ${a.used} used, valid until ${a.validUntil}`,
        ],
        [
          { office: 'staffing', item: 'HiringApproval.persons', value: String(a.persons) },
          { office: 'staffing', item: 'HiringApproval.used', value: String(a.used) },
        ],
      ),
    ),
  ];
}
