import { connection, endOfBeijingMonth, ErrorCode, hubError, readPage, unitScope } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { countUnreportedInstitutions, unreportedInstitutions } from '../db/removalReportQueries.ts';
import { listingMonthProblem } from '../domain/removalReportMonth.ts';
import type { QueryUnreportedRemovalUnitsArgs } from '../generated/resolvers.ts';

const MONTH_TEXT = {
  FORMAT: ['月份应为 YYYY-MM 格式的真实月份', 'the month must be a real month written YYYY-MM'],
  NOT_ENDED: ['该月尚未结束，月报尚未到期', 'the month has not ended yet, so no report is due'],
} as const;

/**
 * Units with no removal report for a month that has ended (Beijing time), by credit code: the
 * Staffing Office flags them, and freezes those that persist (DESIGN §3.3). A unit registered after
 * the month owed no report for it. A unit operator sees only whether its own unit is listed.
 */
export async function unreportedRemovalUnits(_: unknown, args: QueryUnreportedRemovalUnitsArgs, ctx: StaffingContext) {
  const month = args.month.trim();
  const problem = listingMonthProblem(month, ctx.now());
  if (problem) {
    const [zh, en] = MONTH_TEXT[problem];
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'month', zh, en, { reason: `MONTH_${problem}` });
  }
  const page = readPage(args.first, args.after, 50);
  const filter = { month, monthEnd: endOfBeijingMonth(month), unit: unitScope(ctx.viewer) };
  const rows = await unreportedInstitutions(ctx.db, filter, page.limit + 1, page.offset);
  for (const row of rows) ctx.loaders.institutionByCreditCode.prime(row.creditCode, row);
  return connection(
    rows.map((institution) => ({ institution, month })),
    page,
    () => countUnreportedInstitutions(ctx.db, filter),
  );
}
