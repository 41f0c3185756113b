/**
 * 空编起始日: the day since which a quota has had at least one vacancy without a break. A quota that
 * gains a vacancy (a removal, more approved) starts the count today; one that keeps some vacancy keeps
 * its day, however the number changes (the oldest vacancy is the idle one); a full quota has none.
 * `vacant` is approved − occupied − reserved, so a vacancy held by a pending approval is not idle.
 */
export function nextVacantSince(current: string | null, vacant: number, today: string): string | null {
  if (vacant <= 0) return null;
  return current ?? today;
}
