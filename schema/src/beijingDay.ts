/**
 * The offices work in China Standard Time, UTC+8 all year (no daylight saving since 1991), so a fixed
 * offset is exact and "today" does not depend on the server's time zone or its ICU data.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) it is in Beijing at `instant`: at 17:00 UTC it is already tomorrow. */
export function beijingDay(instant: Date = new Date()): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
