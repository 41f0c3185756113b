import { describe, expect, it } from 'vitest';
import { addMonths, isCalendarDate, isLeapYear, wholeMonthsBetween } from './calendarDate.ts';

describe('isCalendarDate', () => {
  it('knows the Gregorian leap years', () => {
    const days = ['2000-02-29', '1900-02-29', '2023-02-29', '2024-02-29', '2100-02-29', '1600-02-29'];
    expect(days.map((d) => [d, isCalendarDate(d)])).toEqual([
      ['2000-02-29', true],
      ['1900-02-29', false],
      ['2023-02-29', false],
      ['2024-02-29', true],
      ['2100-02-29', false],
      ['1600-02-29', true],
    ]);
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
  });

  it('refuses months and days that do not exist', () => {
    const days = ['2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '2026-04-31', '2026-02-30', '2026-12-31', '2026-04-30', '2026-01-31'];
    expect(days.map((d) => [d, isCalendarDate(d)])).toEqual([
      ['2026-13-01', false],
      ['2026-00-10', false],
      ['2026-01-00', false],
      ['2026-01-32', false],
      ['2026-04-31', false],
      ['2026-02-30', false],
      ['2026-12-31', true],
      ['2026-04-30', true],
      ['2026-01-31', true],
    ]);
  });

  it('reads years below 100 as written, where Date.UTC would shift them to the 1900s', () => {
    // 0096 is a leap year and 1996 too, but 0100 is not while 2000 is: only arithmetic on the year as written gets both right.
    expect(['0096-02-29', '0100-02-29', '1880-01-01'].map(isCalendarDate)).toEqual([true, false, true]);
  });

  it('accepts only YYYY-MM-DD strings', () => {
    const values: unknown[] = [
      '2026-1-01',
      '20260101',
      '2026-01-01T00:00:00Z',
      ' 2026-01-01',
      '２０２６-01-01',
      '',
      20260101,
      null,
      undefined,
      new Date('2026-01-01'),
    ];
    expect(values.map(isCalendarDate)).toEqual(values.map(() => false));
  });
});

describe('addMonths and wholeMonthsBetween', () => {
  it('counts calendar months, keeping the day within the month', () => {
    expect(addMonths('2026-11-26', -12)).toBe('2025-11-26');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('gives the whole months between two days', () => {
    expect(wholeMonthsBetween('2025-11-26', '2026-11-26')).toBe(12);
    expect(wholeMonthsBetween('2025-11-27', '2026-11-26')).toBe(11);
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(wholeMonthsBetween('2026-11-01', '2026-11-30')).toBe(0);
    expect(wholeMonthsBetween('2026-11-30', '2026-11-01')).toBe(0);
  });
});
