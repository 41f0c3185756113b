import { ErrorCode, hubError, requireCreditCode } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { changeFreeze } from '../db/unitFreezes.ts';
import type { MutationFreezeUnitArgs, MutationUnfreezeUnitArgs } from '../generated/resolvers.ts';
import { requireDecider, requiredText } from './hiringRules.ts';

/**
 * 冻结 / 解冻编制业务 (DESIGN §3.3: a unit that keeps failing to report its removals has its staffing
 * procedures frozen): a leader or reviewer of the Staffing Office freezes a unit, or ends its freeze,
 * each with a reason and a document number. While frozen the unit files no hiring application and
 * gets no approval (UNIT_FROZEN).
 */
export async function changeUnitFreeze(
  kind: 'FREEZE' | 'UNFREEZE',
  input: MutationFreezeUnitArgs['input'] | MutationUnfreezeUnitArgs['input'],
  ctx: StaffingContext,
) {
  const viewer = requireDecider(ctx.viewer, kind === 'FREEZE' ? 'freezeUnit' : 'unfreezeUnit');
  const creditCode = requireCreditCode(input.institutionCreditCode, 'input.institutionCreditCode');
  const reason = requiredText(input.reason, 'input.reason', kind === 'FREEZE' ? '冻结理由' : '解冻理由', 'the reason');
  const documentNumber = requiredText(input.documentNumber, 'input.documentNumber', '文号', 'the document number');
  const change = await changeFreeze(ctx.db, creditCode, { kind, at: ctx.now(), by: viewer.sub, reason, documentNumber }, (institution, open) => {
    if (!institution) throw hubError(ErrorCode.NOT_FOUND, 'input.institutionCreditCode', '该机构未登记', 'no institution has this credit code');
    if (kind === 'FREEZE' && open)
      throw hubError(
        ErrorCode.FREEZE_STATE,
        'input.institutionCreditCode',
        `该单位编制业务已于 ${open.documentNumber} 冻结`,
        `the unit is frozen already (${open.documentNumber})`,
      );
    if (kind === 'UNFREEZE' && !open) throw hubError(ErrorCode.FREEZE_STATE, 'input.institutionCreditCode', '该单位未被冻结', 'the unit is not frozen');
  });
  ctx.audit.push({
    entity: 'UnitFreeze',
    key: String(change.after.id),
    action: kind === 'FREEZE' ? 'FREEZE_UNIT' : 'UNFREEZE_UNIT',
    before: change.before,
    after: change.after,
    purpose: reason,
    caseNumber: documentNumber,
  });
  ctx.loaders.unitFreezesByInstitution.clear(creditCode);
  return { freeze: change.after };
}
