import { isCalendarDate } from '@hub/schema';

/**
 * A removal takes effect on a real date, not after today (units report what has happened) and not
 * before the person joined the unit. Returns the problem, or null when the date is acceptable.
 */
export function removalDateProblem(effectiveOn: string, today: string, unitJoinDate: string): 'FORMAT' | 'FUTURE' | 'BEFORE_JOINING' | null {
  if (!isCalendarDate(effectiveOn)) return 'FORMAT';
  if (effectiveOn > today) return 'FUTURE';
  if (effectiveOn < unitJoinDate) return 'BEFORE_JOINING';
  return null;
}
