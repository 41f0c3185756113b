import { beijingDay, ErrorCode, hubError, requireCreditCode, requireWriter } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import type { MutationAllocateFromPoolArgs } from '../generated/resolvers.ts';
import { requireText } from './requireText.ts';
import { runQuotaMovement } from './runQuotaMovement.ts';

/**
 * 空编调配: quota from the central pool to an institution, for a priority field (education, health,
 * food safety …), by a document of the Staffing Office. Never more than the pool of that category and
 * level holds (POOL_INSUFFICIENT). From another level's pool it is a level change, which keeps the
 * receiving level within the ceiling the higher level approved (REGION_CEILING_EXCEEDED).
 */
export async function allocateFromPool(_: unknown, { input }: MutationAllocateFromPoolArgs, ctx: StaffingContext) {
  const viewer = requireWriter(ctx.viewer, 'staffing', 'allocateFromPool');
  const creditCode = requireCreditCode(input.creditCode, 'input.creditCode');
  const documentNumber = requireText(input.documentNumber, 'input.documentNumber', '文号', 'document number');
  const reason = requireText(input.reason, 'input.reason', '事由', 'reason');
  const institution = await ctx.loaders.institutionByCreditCode.load(creditCode);
  if (!institution) throw hubError(ErrorCode.NOT_FOUND, 'input.creditCode', '机构不存在', 'no institution has this credit code');
  const poolLevel = input.poolLevel ?? institution.level;
  const change = await runQuotaMovement(
    ctx,
    viewer,
    {
      documentNumber,
      kind: 'ALLOCATE',
      category: input.category,
      amount: input.amount,
      fromCreditCode: null,
      toCreditCode: creditCode,
      fromLevel: poolLevel,
      toLevel: institution.level,
      priorityField: input.priorityField,
      reason,
      effectiveOn: beijingDay(ctx.now()),
    },
    poolLevel,
    (state) => ({ target: state.target, pool: state.pool?.available ?? 0, receivingLevel: state.receivingLevel }),
  );
  return { movement: change.movement, pool: change.pool?.after ?? null };
}
