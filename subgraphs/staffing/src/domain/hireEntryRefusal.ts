import { approvalRemaining, type ApprovalState } from './approvalStatus.ts';

/** Why a hire HR reports is not entered on the ledger (an ErrorCode), or null to enter it. */
export type HireEntryRefusal = 'APPROVAL_NOT_FOUND' | 'APPROVAL_WITHDRAWN' | 'APPROVAL_USED' | 'ALREADY_IN_QUOTA';

/**
 * The Staffing Office enters a hire HR recorded only against an approval it issued that still admits
 * a person, and only for a person not yet in quota: one person, one ledger entry, one active card
 * (DESIGN §3.2). HR checks the same approval on its copy; this is the owner's own check, which also
 * holds when HR's copy was behind (a withdrawal still on its way).
 */
export function hireEntryRefusal(approval: ApprovalState | null, person: { activeCards: number; onLedger: boolean }): HireEntryRefusal | null {
  if (!approval) return 'APPROVAL_NOT_FOUND';
  if (approval.withdrawnOn) return 'APPROVAL_WITHDRAWN';
  if (approvalRemaining(approval) <= 0) return 'APPROVAL_USED';
  if (person.activeCards > 0 || person.onLedger) return 'ALREADY_IN_QUOTA';
  return null;
}
