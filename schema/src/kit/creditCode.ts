import { ErrorCode, hubError } from './errors.ts';

/** GB 32100-2015 alphabet: digits and upper-case letters without I, O, Z, S, V. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character (18th) for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character of the nine-character organisation code embedded at positions 9–17. */
export function organizationCodeCheckChar(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export type CreditCodeProblem = 'FORMAT' | 'ALPHABET' | 'CHECK_CHARACTER';

/** Checks a unified social credit code (统一社会信用代码), returning the normalised code or the problem. */
export function parseCreditCode(raw: string): { creditCode: string } | CreditCodeProblem {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return 'FORMAT';
  for (const ch of value) if (!CREDIT_CODE_ALPHABET.includes(ch)) return 'ALPHABET';
  if (creditCodeCheckChar(value) !== value[17]) return 'CHECK_CHARACTER';
  return { creditCode: value };
}

const PROBLEM_TEXT: Record<CreditCodeProblem, [string, string]> = {
  FORMAT: ['统一社会信用代码应为18位', 'a unified social credit code has 18 characters'],
  ALPHABET: ['统一社会信用代码含有不允许的字符（不得使用I、O、Z、S、V）', 'the credit code contains a character outside its alphabet (no I, O, Z, S, V)'],
  CHECK_CHARACTER: ['统一社会信用代码校验码错误（GB 32100-2015）', 'the check character of the credit code is wrong (GB 32100-2015)'],
};

/** Validates and normalises a credit code at an entry point, or throws INVALID_CREDIT_CODE naming the field. */
export function requireCreditCode(raw: string, field = 'creditCode'): string {
  const parsed = parseCreditCode(raw);
  if (typeof parsed !== 'string') return parsed.creditCode;
  const [zh, en] = PROBLEM_TEXT[parsed];
  throw hubError(ErrorCode.INVALID_CREDIT_CODE, field, `${field}：${zh}`, `${field}: ${en}`);
}
