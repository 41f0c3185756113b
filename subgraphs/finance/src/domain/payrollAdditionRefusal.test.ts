import { describe, expect, it } from 'vitest';
import { type PayrollAddition, payrollAdditionRefusal } from './payrollAdditionRefusal.ts';

const addition: PayrollAddition = {
  idNumber: '110101199003077777',
  institutionCreditCode: '12410100MB0000002X',
  fromMonth: '2026-12',
  monthlyGrossPay: 5200.5,
};
const card = {
  idNumber: addition.idNumber,
  institutionCreditCode: addition.institutionCreditCode,
  issuedOn: '2026-12-10',
  status: 'ACTIVE' as 'ACTIVE' | 'CANCELLED',
};
const facts = { card, budgetUnit: true, onPayroll: false };
const reason = (a: Partial<PayrollAddition>, f: Partial<typeof facts> = {}) =>
  payrollAdditionRefusal({ ...addition, ...a }, { ...facts, ...f })?.reason ?? null;

describe('payrollAdditionRefusal', () => {
  it('adds a person with an active card of theirs at the paying unit', () => {
    expect(reason({})).toBeNull();
    expect(reason({ fromMonth: '2027-01' })).toBeNull();
  });
  it('refuses without an active card of this person at this unit', () => {
    expect(payrollAdditionRefusal(addition, { ...facts, card: null })).toEqual({
      code: 'NO_ACTIVE_CARD',
      field: 'input.staffingCardNumber',
      reason: 'CARD_UNKNOWN',
    });
    expect(reason({}, { card: { ...card, status: 'CANCELLED' } })).toBe('CARD_CANCELLED');
    expect(reason({ idNumber: '110101199003070000' })).toBe('OTHER_PERSON');
    expect(reason({ institutionCreditCode: '12410100MB0000003Y' })).toBe('OTHER_UNIT');
  });
  it('refuses a unit that is no budget unit, a person paid already, and months and amounts that are not', () => {
    expect(reason({}, { budgetUnit: false })).toBe('NO_BUDGET_UNIT');
    expect(reason({}, { onPayroll: true })).toBe('ON_PAYROLL');
    expect(reason({ fromMonth: '2026-11' })).toBe('BEFORE_CARD');
    expect(reason({ fromMonth: '2026-13' })).toBe('MONTH_FORMAT');
    expect(reason({ monthlyGrossPay: 0 })).toBe('PAY_AMOUNT');
    expect(reason({ monthlyGrossPay: 5200.123 })).toBe('PAY_AMOUNT');
  });
});
