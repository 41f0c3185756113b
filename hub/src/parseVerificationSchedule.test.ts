import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/schema';
import { parseVerificationSchedule } from './parseVerificationSchedule.ts';

describe('parseVerificationSchedule (VERIFICATION_SCHEDULE)', () => {
  it('monthly and half-yearly when unset; none when off; the ones listed otherwise, in any case', () => {
    expect(parseVerificationSchedule(undefined)).toEqual(['MONTHLY', 'HALF_YEARLY']);
    expect(parseVerificationSchedule('  ')).toEqual(['MONTHLY', 'HALF_YEARLY']);
    expect(parseVerificationSchedule('off')).toEqual([]);
    expect(parseVerificationSchedule(' OFF ')).toEqual([]);
    expect(parseVerificationSchedule('MONTHLY')).toEqual(['MONTHLY']);
    expect(parseVerificationSchedule('half_yearly')).toEqual(['HALF_YEARLY']);
    expect(parseVerificationSchedule('HALF_YEARLY, monthly')).toEqual(['HALF_YEARLY', 'MONTHLY']);
  });

  it('refuses an unknown schedule, an empty item, off among others and one given twice, naming VERIFICATION_SCHEDULE in both languages', () => {
    for (const raw of ['WEEKLY', 'MONTHLY,', 'MONTHLY,off', 'yearly', 'MONTHLY;HALF_YEARLY']) expect(() => parseVerificationSchedule(raw)).toThrow(ConfigError);
    expect(() => parseVerificationSchedule('monthly,WEEKLY')).toThrow(
      'VERIFICATION_SCHEDULE: 无法识别 "WEEKLY"（应为 MONTHLY、HALF_YEARLY，以逗号分隔，或 off） / cannot read "WEEKLY" (expected MONTHLY, HALF_YEARLY, comma-separated, or off)',
    );
    expect(() => parseVerificationSchedule('MONTHLY,monthly')).toThrow('VERIFICATION_SCHEDULE: MONTHLY 出现了两次 / MONTHLY is given twice');
  });
});
