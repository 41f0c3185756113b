import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, parseCreditCode, requireCreditCode } from './creditCode.ts';

describe('parseCreditCode (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    // Codes printed on public business licences / registrations.
    expect(parseCreditCode('91350100M000100Y43')).toEqual({ creditCode: '91350100M000100Y43' });
    expect(parseCreditCode('11100000000013127D')).toEqual({ creditCode: '11100000000013127D' });
  });

  it('normalises lower case', () => {
    expect(parseCreditCode('91350100m000100y43')).toEqual({ creditCode: '91350100M000100Y43' });
  });

  it('computes the check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('names what is wrong', () => {
    expect(parseCreditCode('91350100M000100Y44')).toBe('CHECK_CHARACTER');
    expect(parseCreditCode('91350100M000100Y4')).toBe('FORMAT');
    expect(parseCreditCode('91350100M000100I43')).toBe('ALPHABET');
  });

  it('throws INVALID_CREDIT_CODE naming the field', () => {
    expect(() => requireCreditCode('91350100M000100Y44', 'input.parentCreditCode')).toThrowError(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_CREDIT_CODE', field: 'input.parentCreditCode' }) }),
    );
  });
});
