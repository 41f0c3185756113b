/**
 * A calendar date as the hub writes it: `YYYY-MM-DD`, the extended form of GB/T 7408 (ISO 8601) in
 * the proleptic Gregorian calendar. Checked by arithmetic, not by a round trip through `Date`:
 * `Date.UTC` reads the years 0–99 as 1900–1999, and `new Date('2026-02-30')` rolls over to March,
 * so each caller that trusted `Date` had to patch around it in its own way.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Gregorian leap years: every fourth year, except centuries not divisible by 400 (1900 no, 2000 yes). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether `value` is a day that exists, written `YYYY-MM-DD` (2024-02-29 is; 2023-02-29, 2026-13-01 and 2026-1-01 are not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return isDayOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The number of days in `month` (1–12) of `year`. */
export const daysInMonth = (year: number, month: number): number => (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);

/** Whether `day` of `month` of `year` exists (isCalendarDate over numbers already read). */
export const isDayOf = (year: number, month: number, day: number): boolean => month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The same day `months` calendar months later (earlier when negative), kept within the month:
 * 2026-03-31 minus one month is 2026-02-28, as people count "a month ago". `day` must be a calendar date.
 */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(date, daysInMonth(y, m)))}`;
}

/** Whole calendar months from `from` to `to` (0 when `to` is not a full month later; negative never). */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  while (months > 0 && addMonths(from, months) > to) months--;
  return months;
}
