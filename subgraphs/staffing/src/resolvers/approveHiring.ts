import { beijingDay, ErrorCode, hubError } from '@hub/schema';
import { rules } from '../config.ts';
import type { StaffingContext } from '../context.ts';
import { approveApplication } from '../db/approveApplication.ts';
import { approvalValidUntil } from '../domain/approvalStatus.ts';
import { vacancyRefusal } from '../domain/vacancyRefusal.ts';
import type { MutationApproveHiringArgs } from '../generated/resolvers.ts';
import { applicationIdOf, requireDecider, unitFrozenError, vacancyError } from './hiringRules.ts';

/**
 * 批准进人用编 (DESIGN §3.1, step two): a leader or reviewer of the Staffing Office approves a pending
 * application after the vacancy check, under the quota row's lock (db/approveApplication.ts). The
 * approval carries a numbered audit notice and approval form, is valid HIRING_APPROVAL_MONTHS months,
 * reserves its persons and is sent to HR, which records hires against it.
 */
export async function approveHiring(_: unknown, { input }: MutationApproveHiringArgs, ctx: StaffingContext) {
  const viewer = requireDecider(ctx.viewer, 'approveHiring');
  const id = applicationIdOf(input.applicationId, 'input.applicationId');
  const now = ctx.now();
  const today = beijingDay(now);
  const change = await approveApplication(
    ctx.db,
    id,
    ({ application, frozen, quota }) => {
      if (!application) throw hubError(ErrorCode.NOT_FOUND, 'input.applicationId', `进人用编申请 ${id} 不存在`, `no hiring application ${id}`);
      if (application.status !== 'PENDING')
        throw hubError(ErrorCode.APPLICATION_DECIDED, 'input.applicationId', '该申请已处理，不能再次审批', 'the application was decided already');
      const persons = input.persons ?? application.persons;
      if (!Number.isInteger(persons) || persons < 1 || persons > application.persons)
        throw hubError(
          ErrorCode.INVALID_ARGUMENT,
          'input.persons',
          `核准人数应为 1 到申请人数 ${application.persons} 之间的整数`,
          `persons approved must be a whole number from 1 to the ${application.persons} applied for`,
        );
      if (frozen) throw unitFrozenError('input.applicationId');
      const refusal = vacancyRefusal(quota, persons);
      if (refusal) throw vacancyError(refusal, persons, 'input.applicationId');
      return persons;
    },
    { today, now, by: viewer.sub, validUntil: approvalValidUntil(today, rules.HIRING_APPROVAL_MONTHS) },
  );
  const { approval } = change;
  ctx.audit.push(
    {
      entity: 'HiringApproval',
      key: approval.approvalFormNumber,
      action: 'APPROVE_HIRING',
      before: null,
      after: approval,
      caseNumber: `${approval.auditNoticeNumber} ${approval.approvalFormNumber}`,
    },
    { entity: 'HiringApplication', key: String(id), before: change.applicationBefore, after: change.applicationAfter },
    { entity: 'Quota', key: `${approval.institutionCreditCode}/${approval.category}`, before: change.quotaBefore, after: change.quotaAfter },
  );
  ctx.loaders.hiringApplicationById.clear(id);
  return { approval };
}
