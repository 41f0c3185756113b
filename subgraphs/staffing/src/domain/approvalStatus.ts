import { addMonths } from '@hub/schema';
import type { HiringApprovalStatus } from '../generated/enums.ts';

/** What an approval's status is read from. */
export interface ApprovalState {
  persons: number;
  used: number;
  validUntil: string;
  withdrawnOn: string | null;
}

/** Persons an approval still admits (each holding a reserved vacancy): none once withdrawn or used up. */
export const approvalRemaining = (a: ApprovalState): number => (a.withdrawnOn ? 0 : Math.max(0, a.persons - a.used));

/**
 * WITHDRAWN once withdrawn; USED when every person is entered; EXPIRED after its last valid day (it
 * still reserves its quota until withdrawn: 跟踪问效 reclaims it); else ACTIVE.
 */
export function approvalStatus(a: ApprovalState, today: string): HiringApprovalStatus {
  if (a.withdrawnOn) return 'WITHDRAWN';
  if (a.used >= a.persons) return 'USED';
  if (today > a.validUntil) return 'EXPIRED';
  return 'ACTIVE';
}

/**
 * The last day an approval given on `approvedOn` is valid: `months` calendar months on, less a day
 * (approved 2026-06-15 for 6 months: valid through 2026-12-14).
 */
export function approvalValidUntil(approvedOn: string, months: number): string {
  const end = new Date(`${addMonths(approvedOn, months)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** The latest approval day whose approvals count as unused when still open on `today`, `months` after approval. */
export const unusedApprovedOnOrBefore = (today: string, months: number): string => addMonths(today, -months);
