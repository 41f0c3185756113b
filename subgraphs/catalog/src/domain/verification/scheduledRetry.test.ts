import { describe, expect, it } from 'vitest';
import { scheduledAttemptDue } from './scheduledRetry.ts';

const AT = new Date('2027-02-10T02:00:00Z');
const minutes = (n: number) => new Date(AT.getTime() + n * 60_000);

describe('a scheduled run that failed', () => {
  it('is queued at once when nothing failed, again once the last failure is 15 minutes old, not before', () => {
    expect(scheduledAttemptDue({ count: 0, lastFinishedAt: null }, AT)).toBe(true);
    expect(scheduledAttemptDue({ count: 1, lastFinishedAt: AT }, minutes(14))).toBe(false);
    expect(scheduledAttemptDue({ count: 1, lastFinishedAt: AT }, minutes(15))).toBe(true);
  });

  it('is given up after five failures in its period (a coordinator can still start one)', () => {
    expect(scheduledAttemptDue({ count: 4, lastFinishedAt: AT }, minutes(60))).toBe(true);
    expect(scheduledAttemptDue({ count: 5, lastFinishedAt: AT }, minutes(600))).toBe(false);
    expect(scheduledAttemptDue({ count: 2, lastFinishedAt: AT }, minutes(2), { delayMs: 60_000, maxAttempts: 3 })).toBe(true);
  });
});
