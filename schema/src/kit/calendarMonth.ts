import { daysInMonth } from './calendarDate.ts';
import { beijingDay, endOfBeijingDay } from './beijingDay.ts';

/**
 * A calendar month as the hub writes it: `YYYY-MM` (payroll months, monthly reports). Arithmetic on
 * the numbers, never through `Date`, as for calendar dates (calendarDate.ts).
 */
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** Whether `value` is a month written `YYYY-MM` (2026-12 is; 2026-13, 2026-1 and 2026-12-01 are not). */
export function isCalendarMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_MONTH.exec(value);
  return !!match && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

const parts = (month: string): [number, number] => [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
const format = (year: number, month: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;

/** The month a `YYYY-MM-DD` day (or a `YYYY-MM` month) falls in. */
export const monthOf = (day: string): string => day.slice(0, 7);

/** The month after `month`: 2026-12 → 2027-01. */
export function nextMonth(month: string): string {
  const [y, m] = parts(month);
  return m === 12 ? format(y + 1, 1) : format(y, m + 1);
}

/** The month before `month`: 2027-01 → 2026-12. */
export function previousMonth(month: string): string {
  const [y, m] = parts(month);
  return m === 1 ? format(y - 1, 12) : format(y, m - 1);
}

/** The last day of `month`, `YYYY-MM-DD`. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = parts(month);
  const days = daysInMonth(y, m);
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included, in order (none when `from` is after `to`). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  return months;
}

/** The month it is in Beijing at `instant`. */
export const beijingMonth = (instant: Date = new Date()): string => monthOf(beijingDay(instant));

/** The last millisecond of `month` in Beijing (23:59:59.999+08:00 of its last day): a month has ended after it. */
export const endOfBeijingMonth = (month: string): Date => endOfBeijingDay(lastDayOfMonth(month));
