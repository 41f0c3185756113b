import { eq } from 'drizzle-orm';
import { enqueueMessage } from '@hub/schema';
import { approvalRemaining } from '../domain/approvalStatus.ts';
import type { HiringApprovalRow } from './hiringQueries.ts';
import type { QuotaRow, StaffingDb } from './queries.ts';
import { changeReservation, lockQuota } from './reserveQuota.ts';
import { hiringApprovals, outboxMessages } from './schema.ts';

export interface WithdrawalChange {
  before: HiringApprovalRow;
  after: HiringApprovalRow;
  quotaBefore: QuotaRow | null;
  quotaAfter: QuotaRow | null;
}

/**
 * 收回审批 (跟踪问效), in one transaction: the approval is locked and `check` sees it (and may throw,
 * writing nothing); the persons it still admits are released from the quota's reservation, the
 * approval records the withdrawal and staffing.hiringApprovalWithdrawn goes into the outbox for HR.
 */
export async function withdrawApproval(
  db: StaffingDb,
  approvalFormNumber: string,
  withdrawal: { on: string; at: Date; reason: string; documentNumber: string },
  check: (approval: HiringApprovalRow | null) => asserts approval is HiringApprovalRow,
): Promise<WithdrawalChange> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(hiringApprovals).where(eq(hiringApprovals.approvalFormNumber, approvalFormNumber)).for('update');
    const approval = found ?? null;
    check(approval);
    const released = approvalRemaining(approval);
    const locked = await lockQuota(tx, { institutionCreditCode: approval.institutionCreditCode, category: approval.category });
    const quotaAfter = locked.row && released > 0 ? await changeReservation(tx, locked.row, -released, withdrawal.on) : locked.row;
    const [after] = await tx
      .update(hiringApprovals)
      .set({
        withdrawnOn: withdrawal.on,
        withdrawalReason: withdrawal.reason,
        withdrawalDocumentNumber: withdrawal.documentNumber,
        releasedPersons: released,
      })
      .where(eq(hiringApprovals.approvalFormNumber, approvalFormNumber))
      .returning();
    await enqueueMessage(
      tx,
      outboxMessages,
      'staffing.hiringApprovalWithdrawn',
      { approvalFormNumber, withdrawnOn: withdrawal.on, reason: withdrawal.reason, documentNumber: withdrawal.documentNumber, releasedPersons: released },
      withdrawal.at,
    );
    return { before: approval, after: after!, quotaBefore: locked.row, quotaAfter };
  });
}
