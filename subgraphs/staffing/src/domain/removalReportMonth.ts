import { beijingMonth, endOfBeijingMonth, isCalendarMonth } from '@hub/schema';

/**
 * 人员核减月报: a unit reports the removals of each month, possibly none, by the month's end (Beijing
 * time, DESIGN §3.3). A report may come in during its month or after it (late), never for a month
 * that has not begun. Returns the problem, or null.
 */
export function reportMonthProblem(month: string, now: Date): 'FORMAT' | 'NOT_STARTED' | null {
  if (!isCalendarMonth(month)) return 'FORMAT';
  if (month > beijingMonth(now)) return 'NOT_STARTED';
  return null;
}

/** Units missing a report are listed only for a month that has ended: before its end a report is not yet due. */
export function listingMonthProblem(month: string, now: Date): 'FORMAT' | 'NOT_ENDED' | null {
  if (!isCalendarMonth(month)) return 'FORMAT';
  if (now.getTime() <= endOfBeijingMonth(month).getTime()) return 'NOT_ENDED';
  return null;
}

/** A report is late when it arrives after its month has ended. */
export const isLateReport = (month: string, submittedAt: Date): boolean => submittedAt.getTime() > endOfBeijingMonth(month).getTime();
