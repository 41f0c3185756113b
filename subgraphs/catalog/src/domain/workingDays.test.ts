import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './workingDays.ts';

describe('addWorkingDays', () => {
  it('skips weekends: 10 working days from Thursday 2026-11-26 is Thursday 2026-12-10', () => {
    expect(addWorkingDays('2026-11-26', 10)).toBe('2026-12-10');
  });
  it('starts counting the day after a Friday', () => {
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
  });
  it('skips listed public holidays', () => {
    expect(addWorkingDays('2026-09-30', 1, new Set(['2026-10-01', '2026-10-02']))).toBe('2026-10-05');
  });
});
