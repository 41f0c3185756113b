/**
 * A removal takes effect on a real date, not after today (units report what has happened) and not
 * before the person joined the unit. Returns the problem, or null when the date is acceptable.
 */
export function removalDateProblem(effectiveOn: string, today: string, unitJoinDate: string): 'FORMAT' | 'FUTURE' | 'BEFORE_JOINING' | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(effectiveOn);
  if (!match) return 'FORMAT';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== effectiveOn) return 'FORMAT';
  if (effectiveOn > today) return 'FUTURE';
  if (effectiveOn < unitJoinDate) return 'BEFORE_JOINING';
  return null;
}

/** Today's date in China (UTC+8), YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
