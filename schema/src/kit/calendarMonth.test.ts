import { describe, expect, it } from 'vitest';
import { beijingMonth, endOfBeijingMonth, isCalendarMonth, lastDayOfMonth, monthsBetween, nextMonth, previousMonth } from './calendarMonth.ts';

describe('calendar months', () => {
  it('accepts YYYY-MM months only', () => {
    const values = ['2026-12', '2026-01', '2026-13', '2026-00', '2026-1', '2026-12-01', 202612, null];
    expect(values.map((v) => [v, isCalendarMonth(v)])).toEqual([
      ['2026-12', true],
      ['2026-01', true],
      ['2026-13', false],
      ['2026-00', false],
      ['2026-1', false],
      ['2026-12-01', false],
      [202612, false],
      [null, false],
    ]);
  });

  it('steps over the turn of the year and knows the length of February', () => {
    expect([nextMonth('2026-12'), nextMonth('2026-01'), previousMonth('2027-01'), previousMonth('2026-10')]).toEqual([
      '2027-01',
      '2026-02',
      '2026-12',
      '2026-09',
    ]);
    expect(['2024-02', '2026-02', '1900-02', '2026-04', '2026-12'].map(lastDayOfMonth)).toEqual([
      '2024-02-29',
      '2026-02-28',
      '1900-02-28',
      '2026-04-30',
      '2026-12-31',
    ]);
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11', '2026-11')).toEqual(['2026-11']);
    expect(monthsBetween('2026-12', '2026-11')).toEqual([]);
  });

  it('ends a month at midnight in Beijing, 16:00 UTC of its last day', () => {
    expect(endOfBeijingMonth('2026-11').toISOString()).toBe('2026-11-30T15:59:59.999Z');
    expect([beijingMonth(new Date('2026-11-30T15:59:59.999Z')), beijingMonth(new Date('2026-11-30T16:00:00Z'))]).toEqual(['2026-11', '2026-12']);
  });
});
