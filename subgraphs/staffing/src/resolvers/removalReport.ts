import { ErrorCode, hubError, isCalendarMonth } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import type { InstitutionRemovalReportArgs } from '../generated/resolvers.ts';
import type { InstitutionParent } from './mappers.ts';
import { removalReportKey } from '../removalLoaders.ts';

/** Institution.removalReport(month): the unit's monthly removal report, or null when it has not reported. */
export function removalReport(row: InstitutionParent, { month }: InstitutionRemovalReportArgs, ctx: StaffingContext) {
  if (!isCalendarMonth(month))
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'month', '月份应为 YYYY-MM 格式的真实月份', 'the month must be a real month written YYYY-MM');
  return ctx.loaders.removalReportByUnitMonth.load(removalReportKey(row.creditCode, month));
}
