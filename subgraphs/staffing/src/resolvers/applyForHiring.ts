import { beijingDay, ErrorCode, forbiddenUnit, hubError, inUnitScope, requireCreditCode, requireWriter } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { insertHiringApplication } from '../db/applyForHiring.ts';
import type { MutationApplyForHiringArgs } from '../generated/resolvers.ts';
import { requiredText, unitFrozenError } from './hiringRules.ts';

/** The most persons one application may ask for. */
const MAX_PERSONS = 100;

/**
 * 进人用编申请 (DESIGN §3.1, step one): the unit's competent department applies. The Staffing Office's
 * writers file an application for any unit (a competent department's paper application entered by
 * them); a unit operator (用人单位填报员) files for its own unit only. A frozen unit cannot apply. The
 * vacancy is checked when the Staffing Office decides, not here: a pending application holds no quota.
 */
export async function applyForHiring(_: unknown, { input }: MutationApplyForHiringArgs, ctx: StaffingContext) {
  const viewer = requireWriter(ctx.viewer, 'staffing', 'applyForHiring', { unitRows: true });
  const creditCode = requireCreditCode(input.institutionCreditCode, 'input.institutionCreditCode');
  if (!inUnitScope(viewer, creditCode)) throw forbiddenUnit('input.institutionCreditCode');
  if (!Number.isInteger(input.persons) || input.persons < 1 || input.persons > MAX_PERSONS)
    throw hubError(
      ErrorCode.INVALID_ARGUMENT,
      'input.persons',
      `拟进人数应为 1 到 ${MAX_PERSONS} 的整数`,
      `persons must be a whole number from 1 to ${MAX_PERSONS}`,
    );
  const reason = requiredText(input.reason, 'input.reason', '申请理由', 'the reason');
  const now = ctx.now();
  const application = await insertHiringApplication(
    ctx.db,
    {
      institutionCreditCode: creditCode,
      category: input.category,
      persons: input.persons,
      reason,
      appliedOn: beijingDay(now),
      appliedAt: now,
      appliedBy: viewer.sub,
    },
    (institution, frozen) => {
      if (!institution) throw hubError(ErrorCode.NOT_FOUND, 'input.institutionCreditCode', '该机构未登记', 'no institution has this credit code');
      if (frozen) throw unitFrozenError('input.institutionCreditCode');
    },
  );
  ctx.audit.push({ entity: 'HiringApplication', key: String(application.id), action: 'APPLY_FOR_HIRING', before: null, after: application, purpose: reason });
  return { application };
}
