import { ErrorCode, hubError, requireCreditCode, requireWriter } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { setLeadershipPostsApproved as saveApproved } from '../db/dynamicQueries.ts';
import type { MutationSetLeadershipPostsApprovedArgs } from '../generated/resolvers.ts';
import { requireText } from './requireText.ts';

/**
 * 核定领导职数: the Staffing Office sets how many leadership posts an institution has, by a document.
 * How many are filled is the Organization Department's (Institution.leadershipPostStatus compares them).
 */
export async function setLeadershipPostsApproved(_: unknown, { input }: MutationSetLeadershipPostsApprovedArgs, ctx: StaffingContext) {
  requireWriter(ctx.viewer, 'staffing', 'setLeadershipPostsApproved');
  const creditCode = requireCreditCode(input.creditCode, 'input.creditCode');
  const documentNumber = requireText(input.documentNumber, 'input.documentNumber', '文号', 'document number');
  if (!Number.isInteger(input.leadershipPostsApproved) || input.leadershipPostsApproved < 0 || input.leadershipPostsApproved > 999)
    throw hubError(
      ErrorCode.INVALID_ARGUMENT,
      'input.leadershipPostsApproved',
      '领导职数应为 0 到 999 的整数',
      'leadership posts must be a whole number from 0 to 999',
    );
  const change = await saveApproved(ctx.db, creditCode, input.leadershipPostsApproved);
  if (!change) throw hubError(ErrorCode.NOT_FOUND, 'input.creditCode', '机构不存在', 'no institution has this credit code');
  ctx.audit.push({
    entity: 'Institution',
    key: creditCode,
    before: change.before,
    after: change.after,
    action: 'SET_LEADERSHIP_POSTS_APPROVED',
    caseNumber: documentNumber,
  });
  ctx.loaders.institutionByCreditCode.clear(creditCode).prime(creditCode, change.after);
  return { institution: change.after };
}
