import { beijingDay, ErrorCode, hubError, requireCreditCode, requireWriter } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import type { MutationReclaimVacanciesArgs } from '../generated/resolvers.ts';
import { requireText } from './requireText.ts';
import { runQuotaMovement } from './runQuotaMovement.ts';

/**
 * 空编收回: vacancies of one institution's quota go into the central pool of its category and level
 * (空编集中管理), by a document of the Staffing Office. Only vacancies: a post someone holds or an
 * approval has reserved stays (NO_VACANCY). The institution's approved number drops by the amount and
 * the pool gains it: the region's total is unchanged.
 */
export async function reclaimVacancies(_: unknown, { input }: MutationReclaimVacanciesArgs, ctx: StaffingContext) {
  const viewer = requireWriter(ctx.viewer, 'staffing', 'reclaimVacancies');
  const creditCode = requireCreditCode(input.creditCode, 'input.creditCode');
  const documentNumber = requireText(input.documentNumber, 'input.documentNumber', '文号', 'document number');
  const reason = requireText(input.reason, 'input.reason', '事由', 'reason');
  const institution = await ctx.loaders.institutionByCreditCode.load(creditCode);
  if (!institution) throw hubError(ErrorCode.NOT_FOUND, 'input.creditCode', '机构不存在', 'no institution has this credit code');
  const change = await runQuotaMovement(
    ctx,
    viewer,
    {
      documentNumber,
      kind: 'RECLAIM',
      category: input.category,
      amount: input.amount,
      fromCreditCode: creditCode,
      toCreditCode: null,
      fromLevel: institution.level,
      toLevel: institution.level,
      reason,
      effectiveOn: beijingDay(ctx.now()),
    },
    institution.level,
    (state) => ({ source: state.source }),
  );
  return { movement: change.movement, pool: change.pool?.after ?? null };
}
