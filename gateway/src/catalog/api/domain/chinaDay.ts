/**
 * The offices work on Beijing time (UTC+8, no daylight saving), so "today", a due date and the
 * end of an expiry day are read on that clock whatever the server's zone.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) it is in Beijing at `instant`. */
export function chinaToday(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of `day` in Beijing: 23:59:59.999+08:00, i.e. 15:59:59.999Z of that day. */
export function endOfChinaDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

/** Whether `value` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}
