import { ErrorCode, forbiddenUnit, hubError, lastDayOfMonth, requireCreditCode, requireWriter } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { insertMonthlyRemovalReport } from '../db/removalReportQueries.ts';
import { isLateReport, reportMonthProblem } from '../domain/removalReportMonth.ts';
import type { MutationSubmitMonthlyRemovalReportArgs } from '../generated/resolvers.ts';
import { removalReportKey } from '../removalLoaders.ts';

const MONTH_TEXT = {
  FORMAT: ['月份应为 YYYY-MM 格式的真实月份', 'the month must be a real month written YYYY-MM'],
  NOT_STARTED: ['不能上报尚未开始的月份', 'a month that has not begun cannot be reported'],
} as const;

/**
 * 人员核减月报: a unit reports its month's removals, after reporting each with reportRemoval, also
 * when there were none (DESIGN §3.3). Its unit operator for its own unit, or the Staffing Office's
 * writers for any. Once per unit and month; the number of removals effective in the month is recorded
 * with it. A unit that has not reported by the month's end is listed by unreportedRemovalUnits.
 */
export async function submitMonthlyRemovalReport(_: unknown, { input }: MutationSubmitMonthlyRemovalReportArgs, ctx: StaffingContext) {
  const viewer = requireWriter(ctx.viewer, 'staffing', 'submitMonthlyRemovalReport', { unitRows: true });
  const creditCode = requireCreditCode(input.institutionCreditCode, 'input.institutionCreditCode');
  if (viewer.role === 'UNIT_OPERATOR' && viewer.unit !== creditCode) throw forbiddenUnit('input.institutionCreditCode');
  const now = ctx.now();
  const month = input.month.trim();
  const problem = reportMonthProblem(month, now);
  if (problem) {
    const [zh, en] = MONTH_TEXT[problem];
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.month', zh, en, { reason: `MONTH_${problem}` });
  }
  if (!(await ctx.loaders.institutionByCreditCode.load(creditCode)))
    throw hubError(ErrorCode.NOT_FOUND, 'input.institutionCreditCode', '没有该统一社会信用代码的机构', 'no institution has this credit code');
  const { inserted } = await insertMonthlyRemovalReport(ctx.db, {
    institutionCreditCode: creditCode,
    month,
    firstDay: `${month}-01`,
    lastDay: lastDayOfMonth(month),
    submittedAt: now,
    submittedBy: viewer.sub,
  });
  if (!inserted)
    throw hubError(ErrorCode.ALREADY_EXISTS, 'input.month', '该单位已上报过此月的核减月报', 'the unit has already reported this month', {
      reason: 'REPORT_ALREADY_SUBMITTED',
    });
  ctx.audit.push({
    entity: 'MonthlyRemovalReport',
    key: removalReportKey(creditCode, month),
    before: null,
    after: { ...inserted, late: isLateReport(month, inserted.submittedAt) },
    action: 'SUBMIT_REMOVAL_REPORT',
  });
  ctx.loaders.removalReportByUnitMonth.clear(removalReportKey(creditCode, month));
  return { report: inserted };
}
