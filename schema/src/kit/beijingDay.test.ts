import { describe, expect, it } from 'vitest';
import { beijingDay } from './beijingDay.ts';

describe('beijingDay', () => {
  it('turns the day at 16:00 UTC, midnight in Beijing', () => {
    const instants = ['2026-11-26T15:59:59.999Z', '2026-11-26T16:00:00Z', '2026-12-31T16:00:00Z'];
    expect(instants.map((i) => beijingDay(new Date(i)))).toEqual(['2026-11-26', '2026-11-27', '2027-01-01']);
  });
});
