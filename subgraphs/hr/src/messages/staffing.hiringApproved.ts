import type { MessageHandler } from '@hub/schema';
import type { MessagePayloads } from '@hub/schema/contracts';
import type { HrDb } from '../db/queries.ts';
import { hiringApprovals } from '../db/schema.ts';
import type { QuotaCategory } from '../generated/enums.ts';

/** staffing.hiringApproved → HR keeps its copy of the approval, against which `recordHire` records hires. */
export const hiringApproved: MessageHandler<HrDb> = async (tx, message, now) => {
  const p = message.payload as MessagePayloads['staffing.hiringApproved'];
  const [copy] = await tx
    .insert(hiringApprovals)
    .values({
      approvalFormNumber: p.approvalFormNumber,
      auditNoticeNumber: p.auditNoticeNumber,
      institutionCreditCode: p.institutionCreditCode,
      category: p.category as QuotaCategory,
      persons: p.persons,
      approvedOn: p.approvedOn,
      validUntil: p.validUntil,
      receivedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!copy) return { result: { status: 'KNOWN' } };
  return { result: { status: 'RECORDED' }, audit: [{ entity: 'HiringApprovalCopy', key: p.approvalFormNumber, before: null, after: copy }] };
};
