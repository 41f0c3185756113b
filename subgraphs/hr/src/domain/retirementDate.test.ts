import { describe, expect, it } from 'vitest';
import { retirementDate } from './retirementDate.ts';

describe('retirementDate (the 2024 decision, from 2025)', () => {
  it('keeps 60 for men born before 1965 and 55 for women born before 1970', () => {
    expect(retirementDate('1964-12-15', 'MALE')).toBe('2024-12-15');
    expect(retirementDate('1969-12-15', 'FEMALE')).toBe('2024-12-15');
  });
  it('adds a month per four months of birth from January 1965 for men', () => {
    expect(retirementDate('1965-01-10', 'MALE')).toBe('2025-02-10'); // 60 years 1 month
    expect(retirementDate('1965-04-10', 'MALE')).toBe('2025-05-10'); // still 1 month
    expect(retirementDate('1965-05-10', 'MALE')).toBe('2025-07-10'); // 2 months
    expect(retirementDate('1970-01-01', 'MALE')).toBe('2031-05-01'); // 60 years 16 months
  });
  it('stops at 63 for men born September 1976 or later, 58 for women born September 1981 or later', () => {
    expect(retirementDate('1976-08-01', 'MALE')).toBe('2039-07-01'); // 35 months
    expect(retirementDate('1976-09-01', 'MALE')).toBe('2039-09-01'); // 63
    expect(retirementDate('1990-03-01', 'MALE')).toBe('2053-03-01');
    expect(retirementDate('1970-01-20', 'FEMALE')).toBe('2025-02-20');
    expect(retirementDate('1981-09-05', 'FEMALE')).toBe('2039-09-05'); // 58
  });
});
