/** The generator's fixed "today": every date it writes is on or before it. */
export const TODAY = '2026-11-01';
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export const toDay = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

export const toIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const TODAY_DAY = toDay(TODAY);

export const addDays = (iso: string, days: number): string => toIso(toDay(iso) + days);

/** The same calendar day `years` later (29 February becomes 1 March). */
export function addYears(iso: string, years: number): string {
  const d = new Date(toDay(iso) * DAY_MS);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export const maxIso = (a: string, b: string): string => (a > b ? a : b);
export const minIso = (a: string, b: string): string => (a < b ? a : b);

/** 'YYYY-MM' of the month before the one `iso` falls in. */
export function monthBefore(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The last day of the month `iso` falls in. */
export function endOfMonth(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return toIso(Date.UTC(y, m, 0) / DAY_MS);
}

/** Whole years between a birth date and TODAY. */
export function ageOn(birthIso: string, onIso = TODAY): number {
  let age = Number(onIso.slice(0, 4)) - Number(birthIso.slice(0, 4));
  if (onIso.slice(5) < birthIso.slice(5)) age -= 1;
  return age;
}
