import { type CreditCodeProblem, parseCreditCode } from '../creditCode.ts';
import type { SheetColumn } from './types.ts';

const PROBLEMS: Record<CreditCodeProblem, [string, string]> = {
  FORMAT: ['统一社会信用代码应为18位', 'a unified social credit code has 18 characters'],
  ALPHABET: ['统一社会信用代码含有不允许的字符（不得使用I、O、Z、S、V）', 'the credit code contains a character outside its alphabet'],
  CHECK_CHARACTER: ['统一社会信用代码校验码错误（GB 32100-2015）', 'the check character of the credit code is wrong (GB 32100-2015)'],
};

/** A unified social credit code (GB 32100-2015, the kit's check). */
export function creditCodeColumn(header: string, aliases: readonly string[] = []): SheetColumn<string> {
  return {
    header,
    aliases,
    required: true,
    parse(value) {
      const parsed = parseCreditCode(String(value));
      if (typeof parsed !== 'string') return { ok: true, value: parsed.creditCode };
      const [zh, en] = PROBLEMS[parsed];
      return { ok: false, zh, en };
    },
    format: (value) => value,
    example: '12410102MB34752R5T',
    note: '18位统一社会信用代码，校验码按 GB 32100-2015 核验',
  };
}
