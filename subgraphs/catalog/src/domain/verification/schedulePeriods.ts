import { beijingMonth } from '@hub/schema';

export type Schedule = 'MONTHLY' | 'HALF_YEARLY';

/**
 * The periods a scheduled run is due for at `now` (Beijing time): a monthly run once per month
 * (`2026-12`), a half-yearly one once per half year (`2026-H2`), the offices' reconciliation every half
 * year (DESIGN §3.4). The database keeps one run per scope, schedule and period.
 */
export function schedulePeriods(schedules: readonly Schedule[], now: Date): { trigger: Schedule; period: string }[] {
  const month = beijingMonth(now);
  return schedules.map((trigger) => ({ trigger, period: trigger === 'MONTHLY' ? month : `${month.slice(0, 4)}-H${Number(month.slice(5, 7)) <= 6 ? 1 : 2}` }));
}
