import { beijingDay, ErrorCode, hubError, requireWriter } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { setQuotaCeiling as saveCeiling } from '../db/dynamicQueries.ts';
import type { MutationSetQuotaCeilingArgs } from '../generated/resolvers.ts';
import { requireText } from './requireText.ts';

/**
 * 上级核定编制总额: records the ceiling the higher level approved for one level and category, with
 * its document number. A ceiling below what the level already holds (institutions + pool) is refused:
 * quota is never taken away by recording a ceiling, only by reclaims and transfers.
 */
export async function setQuotaCeiling(_: unknown, { input }: MutationSetQuotaCeilingArgs, ctx: StaffingContext) {
  requireWriter(ctx.viewer, 'staffing', 'setQuotaCeiling');
  const documentNumber = requireText(input.documentNumber, 'input.documentNumber', '文号', 'document number');
  if (!Number.isInteger(input.ceiling) || input.ceiling < 0)
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.ceiling', '总额上限应为非负整数', 'the ceiling must be a whole number, 0 or more');
  const change = await saveCeiling(
    ctx.db,
    { level: input.level, category: input.category, ceiling: input.ceiling, documentNumber, setOn: beijingDay(ctx.now()) },
    (total) => {
      if (input.ceiling < total)
        throw hubError(
          ErrorCode.OVER_QUOTA,
          'input.ceiling',
          `总额上限低于该层级现有编制总额 ${total}`,
          `the ceiling is below the ${total} the level already holds`,
          { limit: total, actual: input.ceiling },
        );
    },
  );
  ctx.audit.push({ entity: 'QuotaCeiling', key: `${input.level}/${input.category}`, before: change.before, after: change.after, caseNumber: documentNumber });
  const { institutionsApproved, pool, total } = change.total;
  return {
    total: {
      category: input.category,
      level: input.level,
      institutionsApproved,
      pool,
      total,
      ceiling: change.after.ceiling,
      ceilingDocumentNumber: change.after.documentNumber,
    },
  };
}
