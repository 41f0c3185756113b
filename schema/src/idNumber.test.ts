import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, parseIdNumber, requireIdNumber } from './idNumber.ts';

describe('parseIdNumber (GB 11643-1999)', () => {
  it('accepts the standard example and derives birth date and gender', () => {
    // The worked example of GB 11643-1999: 11010519491231002X
    expect(parseIdNumber('11010519491231002X')).toEqual({
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'FEMALE',
      regionCode: '110105',
    });
  });

  it('accepts a lower-case x and normalises it', () => {
    expect(parseIdNumber(' 11010519491231002x ')).toMatchObject({ idNumber: '11010519491231002X' });
  });

  it('reads an odd sequence digit as male', () => {
    const first17 = '41010219850317001';
    expect(parseIdNumber(first17 + idNumberCheckChar(first17))).toMatchObject({ gender: 'MALE', birthDate: '1985-03-17' });
  });

  it('names what is wrong', () => {
    expect(parseIdNumber('110105194912310021')).toBe('CHECK_CHARACTER');
    expect(parseIdNumber('1101051949123100')).toBe('FORMAT');
    expect(parseIdNumber('11010519491231002Y')).toBe('FORMAT');
    const feb30 = '41010219850230001';
    expect(parseIdNumber(feb30 + idNumberCheckChar(feb30))).toBe('BIRTH_DATE');
    const future = '41010221000101001';
    expect(parseIdNumber(future + idNumberCheckChar(future))).toBe('BIRTH_DATE');
  });

  it('throws a coded bilingual error naming the field', () => {
    try {
      requireIdNumber('110105194912310021', 'input.idNumber');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        extensions: { code: 'INVALID_ID_NUMBER', field: 'input.idNumber' },
      });
      const { messageZh, messageEn } = (error as { extensions: Record<string, string> }).extensions;
      expect(messageZh).toContain('校验码');
      expect(messageEn).toContain('check character');
    }
  });
});
