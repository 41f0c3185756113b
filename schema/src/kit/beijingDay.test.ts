import { afterEach, describe, expect, it, vi } from 'vitest';
import { beijingDay, beijingToday } from './beijingDay.ts';

describe('beijingDay', () => {
  it('turns the day at 16:00 UTC, midnight in Beijing', () => {
    const instants = ['2026-11-26T15:59:59.999Z', '2026-11-26T16:00:00Z', '2026-12-31T16:00:00Z'];
    expect(instants.map((i) => beijingDay(new Date(i)))).toEqual(['2026-11-26', '2026-11-27', '2027-01-01']);
  });
});

describe('beijingToday', () => {
  afterEach(() => vi.useRealTimers());

  it('is beijingDay of the present instant as the clock moves across midnight, forwards and back', () => {
    vi.useFakeTimers();
    const days: string[] = [];
    for (const instant of ['2026-11-26T15:59:59.999Z', '2026-11-26T16:00:00Z', '2026-11-26T15:59:59.999Z', '2026-11-25T16:00:00Z', '2027-03-01T00:00:00Z']) {
      vi.setSystemTime(new Date(instant));
      days.push(beijingToday());
      expect(beijingToday()).toBe(beijingDay());
    }
    expect(days).toEqual(['2026-11-26', '2026-11-27', '2026-11-26', '2026-11-26', '2027-03-01']);
  });
});
