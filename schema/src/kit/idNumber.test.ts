import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendarDate.ts';
import { idNumberCheckChar, parseIdNumber, requireIdNumber } from './idNumber.ts';

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

describe('parseIdNumber (GB 11643-1999)', () => {
  it("accepts both of the standard's examples, the one born in 1880 included, and derives birth date and gender", () => {
    // GB 11643-1999 §8 编码示例: 北京市朝阳区 11010519491231002X and 广东省汕头市潮阳县 440524188001010014.
    expect(['11010519491231002X', '440524188001010014'].map((n) => parseIdNumber(n))).toEqual([
      { idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: 'FEMALE', regionCode: '110105' },
      { idNumber: '440524188001010014', birthDate: '1880-01-01', gender: 'MALE', regionCode: '440524' },
    ]);
  });

  it('accepts a lower-case x and normalises it', () => {
    expect(parseIdNumber(' 11010519491231002x ')).toMatchObject({ idNumber: '11010519491231002X' });
  });

  it('reads an odd sequence digit as male', () => {
    expect(parseIdNumber(withCheck('41010219850317001'))).toMatchObject({ gender: 'MALE', birthDate: '1985-03-17' });
  });

  it('accepts a birth date up to today in Beijing, and 29 February only in a leap year', () => {
    const today = '2026-11-26';
    const numbers = ['41010220261126002', '41010220261127002', '41010220000229002', '41010219000229002', '41010218000101002'].map(withCheck);
    expect(numbers.map((n) => parseIdNumber(n, today)).map((p) => (typeof p === 'string' ? p : p.birthDate))).toEqual([
      '2026-11-26',
      'FUTURE_BIRTH_DATE',
      '2000-02-29',
      'BIRTH_DATE',
      '1800-01-01',
    ]);
  });

  it('names what is wrong', () => {
    const cases = [
      '110105194912310021', // the first example with a wrong check character
      '440524188001010015',
      '1101051949123100', // too short
      '11010519491231002Y',
      '1101051949123100２X', // a full-width digit
      withCheck('41010219990230001'), // 30 February, with a check character that fits it
      withCheck('41010219991301001'), // month 13
      withCheck('41010219990100001'), // day 0
      withCheck('41010221000101001'), // born in 2100
    ];
    expect(cases.map((n) => parseIdNumber(n, '2026-11-26'))).toEqual([
      'CHECK_CHARACTER',
      'CHECK_CHARACTER',
      'FORMAT',
      'FORMAT',
      'FORMAT',
      'BIRTH_DATE',
      'BIRTH_DATE',
      'BIRTH_DATE',
      'FUTURE_BIRTH_DATE',
    ]);
  });

  it('reads every number as the plain statement of the rule does (pattern after trim and upper case, calendar date, not after today, check character)', () => {
    const reference = (raw: string, today: string) => {
      const value = raw.trim().toUpperCase();
      if (!/^\d{17}[\dX]$/.test(value)) return 'FORMAT';
      const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
      if (!isCalendarDate(birthDate)) return 'BIRTH_DATE';
      if (birthDate > today) return 'FUTURE_BIRTH_DATE';
      if (idNumberCheckChar(value) !== value[17]) return 'CHECK_CHARACTER';
      return { idNumber: value, birthDate, gender: Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE', regionCode: value.slice(0, 6) };
    };
    const valid = [withCheck('41010219850317001'), '11010519491231002X', withCheck('41010220000229002'), withCheck('41010220261126002')];
    // Every position of each valid number replaced by each of these, and the numbers cut, padded and cased.
    const replacements = ['0', '1', '9', 'x', 'X', ' ', '\u3000', '２', 'a', '/', ':', 'ß', '\t'];
    const inputs = valid.flatMap((n) => [
      n,
      n.toLowerCase(),
      ` ${n} `,
      `\u3000${n}`,
      `${n}\n`,
      n.slice(1),
      `${n}0`,
      `${n.slice(0, 17)} `,
      ...replacements.flatMap((c) => Array.from({ length: 18 }, (_, i) => n.slice(0, i) + c + n.slice(i + 1))),
    ]);
    const today = '2026-11-26';
    const disagreeing = inputs.filter((raw) => JSON.stringify(parseIdNumber(raw, today)) !== JSON.stringify(reference(raw, today)));
    expect(inputs.length).toBeGreaterThan(900);
    expect(disagreeing).toEqual([]);
  });

  it('throws INVALID_ID_NUMBER with a bilingual message naming the field', () => {
    const thrown = (raw: string) => {
      try {
        requireIdNumber(raw, 'input.idNumber', '2026-11-26');
      } catch (error) {
        return (error as { extensions: unknown }).extensions;
      }
      return 'accepted';
    };
    expect([thrown('110105194912310021'), thrown(withCheck('41010219990230001'))]).toEqual([
      {
        code: 'INVALID_ID_NUMBER',
        field: 'input.idNumber',
        messageZh: 'input.idNumber：公民身份号码校验码错误（GB 11643-1999）',
        messageEn: 'input.idNumber: the check character of the ID number is wrong (GB 11643-1999)',
      },
      {
        code: 'INVALID_ID_NUMBER',
        field: 'input.idNumber',
        messageZh: 'input.idNumber：公民身份号码中的出生日期不是真实日期',
        messageEn: 'input.idNumber: the birth date inside the ID number is not a real date',
      },
    ]);
    expect(thrown('440524188001010014')).toBe('accepted');
  });
});
