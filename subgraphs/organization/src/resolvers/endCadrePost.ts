import { beijingDay, ErrorCode, forbiddenUnit, hubError, inUnitScope, isCalendarDate, requireIdNumber, requireWriter } from '@hub/schema';
import type { OrganizationContext } from '../context.ts';
import { endCadrePost as moveToPast } from '../db/leadershipQueries.ts';
import type { MutationEndCadrePostArgs } from '../generated/resolvers.ts';

/**
 * 干部免职/离任: the Organization Department records that a cadre left their post on a day, by a
 * document. The record moves to the past posts, so a leadership post left empty is vacant from that
 * day (Institution.leadershipPostStatus).
 */
export async function endCadrePost(_: unknown, { input }: MutationEndCadrePostArgs, ctx: OrganizationContext) {
  const viewer = requireWriter(ctx.viewer, 'organization', 'endCadrePost');
  const today = beijingDay(ctx.now());
  const { idNumber } = requireIdNumber(input.idNumber, 'input.idNumber', today);
  const documentNumber = input.documentNumber.trim();
  const reason = input.reason.trim();
  if (!documentNumber) throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.documentNumber', '文号不能为空', 'the document number must not be empty');
  if (!reason) throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.reason', '事由不能为空', 'the reason must not be empty');
  if (!isCalendarDate(input.leftOn) || input.leftOn > today)
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.leftOn', '离任日期应为不晚于今天的真实日期', 'the leaving date must be a real date, not after today');
  const change = await moveToPast(ctx.db, idNumber, { leftOn: input.leftOn, documentNumber, reason }, (cadre) => {
    if (!cadre) throw hubError(ErrorCode.NOT_FOUND, 'input.idNumber', '此人没有在任的干部任职记录', 'this person holds no post on the cadre records');
    if (!inUnitScope(viewer, cadre.institutionCreditCode)) throw forbiddenUnit('input.idNumber');
    if (input.leftOn < cadre.appointedOn)
      throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.leftOn', '离任日期不能早于任职日期', 'the leaving date cannot be before the appointment');
  });
  ctx.audit.push(
    { entity: 'Cadre', key: idNumber, before: change.before, after: null, action: 'END_CADRE_POST', caseNumber: documentNumber, purpose: reason },
    {
      entity: 'PastCadrePost',
      key: String(change.after.id),
      before: null,
      after: change.after,
      action: 'END_CADRE_POST',
      caseNumber: documentNumber,
      purpose: reason,
    },
  );
  ctx.loaders.cadreByIdNumber.clear(idNumber);
  ctx.loaders.cadresByInstitution.clear(change.before.institutionCreditCode);
  ctx.loaders.pastLeadershipPostsByInstitution.clear(change.before.institutionCreditCode);
  return { pastPost: change.after };
}
