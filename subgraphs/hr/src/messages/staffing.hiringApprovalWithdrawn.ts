import { eq } from 'drizzle-orm';
import type { MessageHandler } from '@hub/schema';
import type { MessagePayloads } from '@hub/schema/contracts';
import type { HrDb } from '../db/queries.ts';
import { hiringApprovals } from '../db/schema.ts';

/** staffing.hiringApprovalWithdrawn → HR marks its copy withdrawn: `recordHire` refuses it from now on (APPROVAL_WITHDRAWN). */
export const hiringApprovalWithdrawn: MessageHandler<HrDb> = async (tx, message) => {
  const p = message.payload as MessagePayloads['staffing.hiringApprovalWithdrawn'];
  const where = eq(hiringApprovals.approvalFormNumber, p.approvalFormNumber);
  const [before] = await tx.select().from(hiringApprovals).where(where).for('update');
  if (!before) return { result: { status: 'UNKNOWN_APPROVAL' } };
  const [after] = await tx
    .update(hiringApprovals)
    .set({ withdrawnOn: p.withdrawnOn, withdrawalReason: p.reason, withdrawalDocumentNumber: p.documentNumber })
    .where(where)
    .returning();
  return { result: { status: 'WITHDRAWN', hired: after!.hired }, audit: [{ entity: 'HiringApprovalCopy', key: p.approvalFormNumber, before, after }] };
};
