/**
 * The date `days` working days after `from` (YYYY-MM-DD), skipping Saturdays, Sundays and the given
 * public holidays. A request answered within 10 working days is on time (DESIGN §4); the official
 * holiday calendar (and its make-up working weekends) can be supplied as `holidays`.
 */
export function addWorkingDays(from: string, days: number, holidays: ReadonlySet<string> = new Set()): string {
  const date = new Date(`${from}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const iso = date.toISOString().slice(0, 10);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(iso)) left--;
  }
  return date.toISOString().slice(0, 10);
}
