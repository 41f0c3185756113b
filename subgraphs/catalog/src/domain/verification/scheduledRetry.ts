/** How a scheduled run that failed is tried again within its period. */
export interface ScheduledRetry {
  /** How long after a failed attempt the next one is queued. */
  delayMs: number;
  /** Attempts per schedule and period; after that many failures the period waits for a run started by hand. */
  maxAttempts: number;
}

/** Every 15 minutes, five attempts: an office down for an hour is waited out; one broken for good is not retried all month. */
export const SCHEDULED_RETRY: ScheduledRetry = { delayMs: 15 * 60_000, maxAttempts: 5 };

/**
 * Whether a scheduled period is to be queued (again) at `now`, given its failed attempts so far: at
 * once when none failed, else once the last failure is `delayMs` old, while fewer than `maxAttempts`
 * have failed. (A queued, running or succeeded run of the period is the database's to refuse.)
 */
export function scheduledAttemptDue(failed: { count: number; lastFinishedAt: Date | null }, now: Date, retry: ScheduledRetry = SCHEDULED_RETRY): boolean {
  if (failed.count === 0) return true;
  if (failed.count >= retry.maxAttempts) return false;
  return failed.lastFinishedAt === null || now.getTime() - failed.lastFinishedAt.getTime() >= retry.delayMs;
}
