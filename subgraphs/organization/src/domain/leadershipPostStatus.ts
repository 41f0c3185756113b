import { wholeMonthsBetween } from '@hub/schema';
import type { LeadershipPostState } from '../generated/enums.ts';

/** A time a cadre held a leadership post: from `appointedOn`, until `leftOn` (exclusive; null: holds it still). */
export interface LeadershipTenure {
  appointedOn: string;
  leftOn: string | null;
}

export interface LeadershipPostStatus {
  state: LeadershipPostState;
  approved: number;
  filled: number;
  vacant: number;
  vacantSince: string | null;
  vacantMonths: number | null;
}

/**
 * 领导职数配备状况: approved posts (the Staffing Office's figure) against those filled today, and,
 * when some are vacant, since when filled has been below approved without a break, read off the
 * tenures' appointment and leaving dates: the day after the last time the posts were all filled
 * (the leaving date that opened the gap). When the records never show the posts full, the day is
 * unknown (null) and the state is VACANT, not LONG_VACANT: the records cannot tell. The timeline is
 * read against today's approved number (a change of approval is not dated in this office).
 */
export function leadershipPostStatus(approved: number, tenures: readonly LeadershipTenure[], today: string, longVacantMonths: number): LeadershipPostStatus {
  const heldOn = (day: string) => tenures.filter((t) => t.appointedOn <= day && (t.leftOn === null || t.leftOn > day)).length;
  const filled = heldOn(today);
  const base = { approved, filled, vacant: approved - filled, vacantSince: null, vacantMonths: null };
  if (filled > approved) return { ...base, state: 'OVER_FILLED' };
  if (filled === approved) return { ...base, state: 'OK' };
  // The days on which the count changed, up to today; it is constant from one to the next.
  const days = [...new Set(tenures.flatMap((t) => [t.appointedOn, ...(t.leftOn ? [t.leftOn] : [])]))].filter((d) => d <= today).sort();
  let vacantSince: string | null = null;
  for (let i = days.length - 1; i >= 0; i--) {
    if (heldOn(days[i]!) >= approved) {
      vacantSince = days[i + 1] ?? null;
      break;
    }
  }
  if (vacantSince === null) return { ...base, state: 'VACANT' };
  const vacantMonths = wholeMonthsBetween(vacantSince, today);
  return { ...base, vacantSince, vacantMonths, state: vacantMonths >= longVacantMonths ? 'LONG_VACANT' : 'VACANT' };
}
