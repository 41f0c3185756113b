import { describe, expect, it } from 'vitest';
import { isLateReport, listingMonthProblem, reportMonthProblem } from './removalReportMonth.ts';

/** 30 November 2026, 23:30 in Beijing; 1 December 00:30 in Beijing. */
const LATE_NOVEMBER = new Date('2026-11-30T15:30:00Z');
const EARLY_DECEMBER = new Date('2026-11-30T16:30:00Z');

describe('the month of a removal report', () => {
  it('may be the current month or an earlier one, never a later one', () => {
    expect(['2026-11', '2026-10', '2025-01', '2026-12', '2026-13', '2026-1'].map((m) => reportMonthProblem(m, LATE_NOVEMBER))).toEqual([
      null,
      null,
      null,
      'NOT_STARTED',
      'FORMAT',
      'FORMAT',
    ]);
  });

  it('is listed for missing reports only once it has ended in Beijing', () => {
    expect([
      listingMonthProblem('2026-11', LATE_NOVEMBER),
      listingMonthProblem('2026-11', EARLY_DECEMBER),
      listingMonthProblem('11/2026', EARLY_DECEMBER),
    ]).toEqual(['NOT_ENDED', null, 'FORMAT']);
  });

  it('is late when the report comes after its end', () => {
    expect([isLateReport('2026-11', LATE_NOVEMBER), isLateReport('2026-11', EARLY_DECEMBER), isLateReport('2026-12', EARLY_DECEMBER)]).toEqual([
      false,
      true,
      false,
    ]);
  });
});
