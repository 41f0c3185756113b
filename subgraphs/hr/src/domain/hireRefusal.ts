import type { EmploymentType } from '../generated/enums.ts';

/** HR's copy of an approval, as far as the hire rules read it. */
export interface ApprovalCopy {
  persons: number;
  hired: number;
  approvedOn: string;
  validUntil: string;
  withdrawnOn: string | null;
}

/** Why HR refuses to record a hire (an ErrorCode, and the input at fault), or null to record it. */
export interface HireRefusal {
  code: 'APPROVAL_NOT_FOUND' | 'APPROVAL_WITHDRAWN' | 'APPROVAL_USED' | 'APPROVAL_EXPIRED' | 'ALREADY_IN_QUOTA' | 'INVALID_ARGUMENT';
  field: 'input.approvalFormNumber' | 'input.idNumber' | 'input.name' | 'input.unitJoinDate' | 'input.workStartDate';
  /** For INVALID_ARGUMENT: which rule (NAME_DIFFERS, JOIN_BEFORE_APPROVAL, JOIN_IN_FUTURE, WORK_AFTER_JOIN). */
  reason?: string;
}

export interface HireFacts {
  approval: ApprovalCopy | null;
  /** HR's record of the person, if it has one: its name must be the one given. */
  personName: string | null;
  employmentType: EmploymentType | null;
  name: string;
  workStartDate: string;
  unitJoinDate: string;
  today: string;
}

/**
 * No in-quota hire without a valid, unused approval (DESIGN §3.1): one HR was told of, not withdrawn,
 * not used up, within its validity. The person is not already in quota, HR's identity of them (if any)
 * is the one given (a difference is a mistake to correct, not a silent overwrite), and the dates hold:
 * work started no later than joining, joining on or after the approval and not after today.
 */
export function hireRefusal(f: HireFacts): HireRefusal | null {
  const a = f.approval;
  if (!a) return { code: 'APPROVAL_NOT_FOUND', field: 'input.approvalFormNumber' };
  if (a.withdrawnOn) return { code: 'APPROVAL_WITHDRAWN', field: 'input.approvalFormNumber' };
  if (a.hired >= a.persons) return { code: 'APPROVAL_USED', field: 'input.approvalFormNumber' };
  if (f.today > a.validUntil) return { code: 'APPROVAL_EXPIRED', field: 'input.approvalFormNumber' };
  if (f.employmentType === 'IN_QUOTA') return { code: 'ALREADY_IN_QUOTA', field: 'input.idNumber' };
  if (f.personName !== null && f.personName !== f.name) return { code: 'INVALID_ARGUMENT', field: 'input.name', reason: 'NAME_DIFFERS' };
  if (f.workStartDate > f.unitJoinDate) return { code: 'INVALID_ARGUMENT', field: 'input.workStartDate', reason: 'WORK_AFTER_JOIN' };
  if (f.unitJoinDate < a.approvedOn) return { code: 'INVALID_ARGUMENT', field: 'input.unitJoinDate', reason: 'JOIN_BEFORE_APPROVAL' };
  if (f.unitJoinDate > f.today) return { code: 'INVALID_ARGUMENT', field: 'input.unitJoinDate', reason: 'JOIN_IN_FUTURE' };
  return null;
}
