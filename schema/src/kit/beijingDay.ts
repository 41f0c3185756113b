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

/** The last millisecond of `day` in Beijing: 23:59:59.999+08:00, i.e. 15:59:59.999Z of that day. */
export const endOfBeijingDay = (day: string): Date => new Date(`${day}T23:59:59.999+08:00`);
