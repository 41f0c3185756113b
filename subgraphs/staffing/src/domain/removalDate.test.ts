import { describe, expect, it } from 'vitest';
import { removalDateProblem } from './removalDate.ts';

describe('removalDateProblem', () => {
  it('accepts a past date after joining', () => expect(removalDateProblem('2026-06-30', '2026-11-26', '2010-09-01')).toBeNull());
  it('refuses a date that does not exist', () => expect(removalDateProblem('2026-02-30', '2026-11-26', '2010-09-01')).toBe('FORMAT'));
  it('refuses a future date', () => expect(removalDateProblem('2026-11-27', '2026-11-26', '2010-09-01')).toBe('FUTURE'));
  it('refuses a date before joining', () => expect(removalDateProblem('2009-12-31', '2026-11-26', '2010-09-01')).toBe('BEFORE_JOINING'));
});
