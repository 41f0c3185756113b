/**
 * The four offices work in China Standard Time, UTC+8 all year (no daylight saving since 1991), so a
 * fixed offset is exact and the page does not depend on the server's time zone or ICU data.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as `YYYY-MM-DD HH:mm` in Beijing time. */
export const beijingTime = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** The calendar day `YYYY-MM-DD` in Beijing at an instant. */
export const beijingDate = (at: Date): string => beijingTime(at).slice(0, 10);
