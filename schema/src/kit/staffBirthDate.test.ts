import { describe, expect, it } from 'vitest';
import { ageOn, MAX_STAFF_AGE, MIN_STAFF_AGE, requireStaffBirthDate, staffBirthDateProblem } from './staffBirthDate.ts';

describe('staffBirthDateProblem', () => {
  const today = '2026-11-26';

  it('admits ages 16 to 100 on the day, in completed years (周岁)', () => {
    expect([MIN_STAFF_AGE, MAX_STAFF_AGE]).toEqual([16, 100]);
    const births = ['2010-11-27', '2010-11-26', '1985-03-17', '1926-11-26', '1925-11-27', '1925-11-26', '1880-01-01'];
    expect(births.map((b) => [b, ageOn(b, today), staffBirthDateProblem(b, today)])).toEqual([
      ['2010-11-27', 15, 'TOO_YOUNG'], // 16 tomorrow
      ['2010-11-26', 16, null],
      ['1985-03-17', 41, null],
      ['1926-11-26', 100, null],
      ['1925-11-27', 100, null], // 101 tomorrow
      ['1925-11-26', 101, 'TOO_OLD'],
      ['1880-01-01', 146, 'TOO_OLD'],
    ]);
  });

  it('lets one born on 29 February complete a year on 1 March in a common year', () => {
    expect([
      ageOn('2008-02-29', '2024-02-28'),
      ageOn('2008-02-29', '2024-02-29'),
      ageOn('2009-02-28', '2025-02-28'),
      ageOn('2008-02-29', '2025-02-28'),
      ageOn('2008-02-29', '2025-03-01'),
    ]).toEqual([15, 16, 16, 16, 17]);
    expect([staffBirthDateProblem('2010-02-28', '2026-02-28'), staffBirthDateProblem('2010-03-01', '2026-02-28')]).toEqual([null, 'TOO_YOUNG']);
  });
});

describe('requireStaffBirthDate', () => {
  it('throws STAFF_AGE_OUT_OF_RANGE with the age and the bounds in both languages', () => {
    expect(() => requireStaffBirthDate('1985-03-17', 'input.idNumber', '2026-11-26')).not.toThrow();
    try {
      requireStaffBirthDate('1880-01-01', 'input.idNumber', '2026-11-26');
      expect.unreachable();
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toEqual({
        code: 'STAFF_AGE_OUT_OF_RANGE',
        field: 'input.idNumber',
        messageZh: 'input.idNumber：公民身份号码中的出生日期（1880-01-01）表明此人今天146周岁，工作人员应为16至100周岁',
        messageEn: 'input.idNumber: the birth date in the ID number (1880-01-01) makes this person 146 today; staff are 16 to 100 years old',
      });
    }
  });
});
