import { ErrorCode, hubError } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { refuseApplication } from '../db/refuseApplication.ts';
import type { MutationRefuseHiringArgs } from '../generated/resolvers.ts';
import { applicationIdOf, requireDecider, requiredText } from './hiringRules.ts';

/** 不予批准: a leader or reviewer of the Staffing Office refuses a pending application, giving the reason; no quota is touched. */
export async function refuseHiring(_: unknown, { input }: MutationRefuseHiringArgs, ctx: StaffingContext) {
  const viewer = requireDecider(ctx.viewer, 'refuseHiring');
  const id = applicationIdOf(input.applicationId, 'input.applicationId');
  const reason = requiredText(input.reason, 'input.reason', '不予批准的理由', 'the reason');
  const change = await refuseApplication(ctx.db, id, { reason, at: ctx.now(), by: viewer.sub }, (application) => {
    if (!application) throw hubError(ErrorCode.NOT_FOUND, 'input.applicationId', `进人用编申请 ${id} 不存在`, `no hiring application ${id}`);
    if (application.status !== 'PENDING')
      throw hubError(ErrorCode.APPLICATION_DECIDED, 'input.applicationId', '该申请已处理，不能再次审批', 'the application was decided already');
  });
  ctx.audit.push({ entity: 'HiringApplication', key: String(id), action: 'REFUSE_HIRING', before: change.before, after: change.after, purpose: reason });
  ctx.loaders.hiringApplicationById.clear(id);
  return { application: change.after };
}
