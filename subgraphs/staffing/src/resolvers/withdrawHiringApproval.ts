import { beijingDay, ErrorCode, hubError } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { withdrawApproval } from '../db/withdrawApproval.ts';
import { approvalRemaining } from '../domain/approvalStatus.ts';
import type { MutationWithdrawHiringApprovalArgs } from '../generated/resolvers.ts';
import { requireDecider, requiredText } from './hiringRules.ts';

/**
 * 收回审批 (跟踪问效, DESIGN §3.6): a leader or reviewer of the Staffing Office withdraws an approval
 * that still admits persons (typically one `unusedHiringApprovals` lists), citing a reason and a
 * document number. What it still reserved is released; HR is told, and refuses hires against it.
 */
export async function withdrawHiringApproval(_: unknown, { input }: MutationWithdrawHiringApprovalArgs, ctx: StaffingContext) {
  requireDecider(ctx.viewer, 'withdrawHiringApproval');
  const approvalFormNumber = input.approvalFormNumber.trim();
  const reason = requiredText(input.reason, 'input.reason', '收回理由', 'the reason');
  const documentNumber = requiredText(input.documentNumber, 'input.documentNumber', '收回文号', 'the document number');
  const now = ctx.now();
  const change = await withdrawApproval(ctx.db, approvalFormNumber, { on: beijingDay(now), at: now, reason, documentNumber }, (approval) => {
    if (!approval)
      throw hubError(
        ErrorCode.APPROVAL_NOT_FOUND,
        'input.approvalFormNumber',
        `进人用编审批表 ${approvalFormNumber} 不存在`,
        `no approval form ${approvalFormNumber}`,
      );
    if (approval.withdrawnOn) throw hubError(ErrorCode.APPROVAL_WITHDRAWN, 'input.approvalFormNumber', '该审批已收回', 'the approval was withdrawn already');
    if (approvalRemaining(approval) === 0)
      throw hubError(
        ErrorCode.APPROVAL_USED,
        'input.approvalFormNumber',
        '该审批已用完，无可收回',
        'every person the approval admits is in: nothing to withdraw',
      );
  });
  const { after } = change;
  ctx.audit.push(
    {
      entity: 'HiringApproval',
      key: approvalFormNumber,
      action: 'WITHDRAW_HIRING_APPROVAL',
      before: change.before,
      after,
      purpose: reason,
      caseNumber: documentNumber,
    },
    ...(change.quotaBefore && change.quotaAfter
      ? [{ entity: 'Quota', key: `${after.institutionCreditCode}/${after.category}`, before: change.quotaBefore, after: change.quotaAfter }]
      : []),
  );
  ctx.loaders.hiringApprovalByFormNumber.clear(approvalFormNumber);
  return { approval: after };
}
