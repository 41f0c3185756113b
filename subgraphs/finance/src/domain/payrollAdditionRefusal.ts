/** Finance's copy of a staffing card, as the payroll rule reads it. */
export interface CardCopy {
  idNumber: string;
  institutionCreditCode: string;
  issuedOn: string;
  status: 'ACTIVE' | 'CANCELLED';
}

export interface PayrollAddition {
  idNumber: string;
  institutionCreditCode: string;
  fromMonth: string;
  monthlyGrossPay: number;
}

/** Why Finance refuses a payroll addition (an ErrorCode, the input at fault, a finer reason), or null. */
export interface PayrollRefusal {
  code: 'NO_ACTIVE_CARD' | 'ALREADY_EXISTS' | 'NOT_FOUND' | 'INVALID_ARGUMENT';
  field: 'input.staffingCardNumber' | 'input.idNumber' | 'input.institutionCreditCode' | 'input.fromMonth' | 'input.monthlyGrossPay';
  reason: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * 工资增员 (DESIGN §3.4: Finance budgets salaries only for the names on the Staffing Office's approved
 * list): an in-quota addition cites a staffing card Finance has been told of, ACTIVE, of this person
 * at this unit; the unit is a budget unit; the person is not on the payroll already; the first month
 * is a real month not before the card was issued, the pay a positive amount in fen.
 */
export function payrollAdditionRefusal(a: PayrollAddition, facts: { card: CardCopy | null; budgetUnit: boolean; onPayroll: boolean }): PayrollRefusal | null {
  if (!MONTH.test(a.fromMonth)) return { code: 'INVALID_ARGUMENT', field: 'input.fromMonth', reason: 'MONTH_FORMAT' };
  if (!(a.monthlyGrossPay > 0 && a.monthlyGrossPay < 1_000_000) || Math.abs(a.monthlyGrossPay * 100 - Math.round(a.monthlyGrossPay * 100)) > 1e-6)
    return { code: 'INVALID_ARGUMENT', field: 'input.monthlyGrossPay', reason: 'PAY_AMOUNT' };
  const { card } = facts;
  if (!card) return { code: 'NO_ACTIVE_CARD', field: 'input.staffingCardNumber', reason: 'CARD_UNKNOWN' };
  if (card.status !== 'ACTIVE') return { code: 'NO_ACTIVE_CARD', field: 'input.staffingCardNumber', reason: 'CARD_CANCELLED' };
  if (card.idNumber !== a.idNumber) return { code: 'NO_ACTIVE_CARD', field: 'input.staffingCardNumber', reason: 'OTHER_PERSON' };
  if (card.institutionCreditCode !== a.institutionCreditCode) return { code: 'NO_ACTIVE_CARD', field: 'input.staffingCardNumber', reason: 'OTHER_UNIT' };
  if (!facts.budgetUnit) return { code: 'NOT_FOUND', field: 'input.institutionCreditCode', reason: 'NO_BUDGET_UNIT' };
  if (facts.onPayroll) return { code: 'ALREADY_EXISTS', field: 'input.idNumber', reason: 'ON_PAYROLL' };
  if (a.fromMonth < card.issuedOn.slice(0, 7)) return { code: 'INVALID_ARGUMENT', field: 'input.fromMonth', reason: 'BEFORE_CARD' };
  return null;
}
