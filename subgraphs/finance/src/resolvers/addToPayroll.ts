import { ErrorCode, hubError, requireCreditCode, requireIdNumber, requireWriter } from '@hub/schema';
import type { FinanceContext } from '../context.ts';
import { addToPayroll as addPayrollRecord } from '../db/addToPayroll.ts';
import { type PayrollRefusal, payrollAdditionRefusal } from '../domain/payrollAdditionRefusal.ts';
import type { MutationAddToPayrollArgs } from '../generated/resolvers.ts';

const TEXT: Record<string, [string, string]> = {
  CARD_UNKNOWN: [
    '财政局未收到此编制卡，在编人员增员须凭有效编制卡',
    'Finance has not been told of this staffing card: an in-quota addition needs an active one',
  ],
  CARD_CANCELLED: ['该编制卡已注销', 'the staffing card was cancelled'],
  OTHER_PERSON: ['该编制卡不属于此人', 'the staffing card is not this person’s'],
  OTHER_UNIT: ['该编制卡不属于发放单位', 'the staffing card is not of the paying unit'],
  NO_BUDGET_UNIT: ['该单位不是预算单位', 'the unit is not a budget unit'],
  ON_PAYROLL: ['此人已在工资发放名单上', 'this person is on the payroll already'],
  BEFORE_CARD: ['起发月份不能早于发卡月份', 'pay cannot start before the card’s month'],
  MONTH_FORMAT: ['起发月份应为 YYYY-MM', 'the first month must be YYYY-MM'],
  PAY_AMOUNT: ['月应发工资应为正数，精确到分', 'the monthly pay must be a positive amount in fen'],
};

const refusalError = (r: PayrollRefusal) => hubError(ErrorCode[r.code], r.field, TEXT[r.reason]![0], TEXT[r.reason]![1], { reason: r.reason });

/**
 * 工资增员: Finance's writers put a person on the payroll of a budget unit. An in-quota addition cites
 * the person's staffing card, which Finance must have been told of (staffing.staffingCardIssued) and
 * not told cancelled: NO_ACTIVE_CARD otherwise.
 */
export async function addToPayroll(_: unknown, { input }: MutationAddToPayrollArgs, ctx: FinanceContext) {
  requireWriter(ctx.viewer, 'finance', 'addToPayroll');
  const { idNumber } = requireIdNumber(input.idNumber, 'input.idNumber');
  const institutionCreditCode = requireCreditCode(input.institutionCreditCode, 'input.institutionCreditCode');
  const name = input.name.trim();
  const budgetLine = input.budgetLine.trim();
  if (!name) throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.name', '姓名不能为空', 'the name must not be empty');
  if (!budgetLine) throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.budgetLine', '工资预算科目不能为空', 'the budget line must not be empty');
  const addition = { idNumber, institutionCreditCode, fromMonth: input.fromMonth.trim(), monthlyGrossPay: input.monthlyGrossPay };
  const early = payrollAdditionRefusal(addition, { card: { ...addition, issuedOn: '0000-01-01', status: 'ACTIVE' }, budgetUnit: true, onPayroll: false });
  if (early) throw refusalError(early);
  const change = await addPayrollRecord(
    ctx.db,
    {
      idNumber,
      nameOnRecord: name,
      institutionCreditCode,
      budgetLine,
      monthlyGrossPay: input.monthlyGrossPay,
      staffingCardNumber: input.staffingCardNumber.trim(),
      paidFromMonth: addition.fromMonth,
    },
    ({ card, budgetUnit, record }) => {
      const refusal = payrollAdditionRefusal(addition, { card, budgetUnit, onPayroll: record?.onPayroll ?? false });
      if (refusal) throw refusalError(refusal);
    },
  );
  ctx.audit.push({
    entity: 'PayrollRecord',
    key: idNumber,
    action: 'ADD_TO_PAYROLL',
    before: change.before,
    after: change.after,
    caseNumber: change.after.staffingCardNumber,
  });
  ctx.loaders.payrollByIdNumber.clear(idNumber);
  return { payrollRecord: change.after };
}
