import { parseIdNumber, type IdNumberProblem } from '../idNumber.ts';
import { staffBirthDateProblem } from '../staffBirthDate.ts';
import type { SheetColumn } from './types.ts';

const PROBLEMS: Record<IdNumberProblem, [string, string]> = {
  FORMAT: ['公民身份号码应为18位：17位数字加1位校验码（数字或X）', 'an ID number has 18 characters: 17 digits and a check character'],
  BIRTH_DATE: ['公民身份号码中的出生日期不是真实日期', 'the birth date inside the ID number is not a real date'],
  FUTURE_BIRTH_DATE: ['公民身份号码中的出生日期晚于今天', 'the birth date inside the ID number is after today'],
  CHECK_CHARACTER: ['公民身份号码校验码错误（GB 11643-1999）', 'the check character of the ID number is wrong (GB 11643-1999)'],
};

/**
 * A citizen ID number (GB 11643-1999, the kit's check), of someone who can be a member of staff
 * (16 to 100). A number cell is refused: Excel keeps 15 significant digits, so an 18-digit number
 * typed into a number cell has already lost its last digits.
 */
export function idNumberColumn(header = '公民身份号码'): SheetColumn<string> {
  return {
    header,
    aliases: ['身份证号', '身份证号码', '公民身份证号码'],
    required: true,
    parse(value, { today }) {
      if (typeof value === 'number')
        return {
          ok: false,
          zh: '身份号码被存成了数字，末几位已丢失：请把此列设为文本后重新填写',
          en: 'the ID number was stored as a number and lost its last digits',
        };
      const parsed = parseIdNumber(String(value), today);
      if (typeof parsed === 'string') {
        const [zh, en] = PROBLEMS[parsed];
        return { ok: false, zh, en };
      }
      const age = staffBirthDateProblem(parsed.birthDate, today);
      if (age)
        return {
          ok: false,
          zh: `出生日期 ${parsed.birthDate} 不在工作人员年龄范围（16至100周岁）内`,
          en: `born ${parsed.birthDate}: not of staff age (16 to 100)`,
        };
      return { ok: true, value: parsed.idNumber };
    },
    format: (value) => value,
    example: '110101199003071233',
    note: '18位公民身份号码（请将单元格设为文本），校验码按 GB 11643-1999 核验',
  };
}
