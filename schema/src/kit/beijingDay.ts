/**
 * The offices work on Beijing time: China Standard Time, UTC+8 all year (no daylight saving since
 * 1991), so a fixed offset is exact and nothing depends on the server's time zone or ICU data.
 * "Today", a due date and the end of an expiry day are read on this clock.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as `YYYY-MM-DD HH:mm` in Beijing. */
export const beijingTime = (instant: Date): string => new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** The calendar day (YYYY-MM-DD) it is in Beijing at `instant`: at 17:00 UTC it is already tomorrow. */
export const beijingDay = (instant: Date = new Date()): string => beijingTime(instant).slice(0, 10);

let today = { day: '', from: 0, until: 0 };

/**
 * `beijingDay()` for the present instant, computed once per Beijing day rather than per call: every
 * ID number checked asks for today (a future birth date is refused), a Roster's `_entities` some
 * three thousand times, and formatting the instant was the kit's largest entry in its profile. The
 * day is recomputed whenever the clock leaves it, backwards too (tests set the clock).
 */
export function beijingToday(): string {
  const now = Date.now();
  if (now < today.from || now >= today.until) {
    const day = beijingDay(new Date(now));
    today = { day, from: endOfBeijingDay(day).getTime() + 1 - 24 * 60 * 60 * 1000, until: endOfBeijingDay(day).getTime() + 1 };
  }
  return today.day;
}

/** The last millisecond of `day` in Beijing: 23:59:59.999+08:00, i.e. 15:59:59.999Z of that day. */
export const endOfBeijingDay = (day: string): Date => new Date(`${day}T23:59:59.999+08:00`);
