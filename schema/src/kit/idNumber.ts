import { beijingToday } from './beijingDay.ts';
import { isDayOf } from './calendarDate.ts';
import { ErrorCode, hubError } from './errors.ts';

/** GB 11643-1999 weights for the first 17 characters (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type Gender = 'MALE' | 'FEMALE';

export interface ParsedIdNumber {
  /** The normalised number: 18 characters, an upper-case X as check character. */
  idNumber: string;
  /** Birth date as YYYY-MM-DD, from characters 7–14. */
  birthDate: string;
  /** From the sequence code (character 17): odd for men, even for women. */
  gender: Gender;
  /** The six-digit administrative division code of the place of first registration. */
  regionCode: string;
}

/** The number the digits at `from` … `to` (exclusive) of `value` write (all already checked to be digits). */
function digitsAt(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + value.charCodeAt(i) - 48;
  return n;
}

/** The check character for the first 17 digits of a citizen ID number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberProblem = 'FORMAT' | 'BIRTH_DATE' | 'FUTURE_BIRTH_DATE' | 'CHECK_CHARACTER';

/**
 * Parses a citizen ID number (公民身份号码) per GB 11643-1999, or says what is wrong with it. This is
 * the standard's check and nothing more, so every number the standard accepts is accepted, its own
 * example 440524188001010014 (born 1880) included: 17 digits and a check character (0–9 or X), a
 * birth date (GB/T 7408) that exists and is not after `today`, and the MOD 11-2 check character.
 * Whether the person can be a member of staff is a separate rule (`requireStaffBirthDate`), applied
 * where a person joins the hub, never where one is looked up.
 *
 * The address code is not checked against GB/T 2260: it is the county of first registration, and a
 * number is not reissued when that county is renamed or abolished (the standard's own 440524, 潮阳县,
 * is no longer a current code), so no current list of divisions can judge it. The check character
 * catches the typos a list would.
 */
export function parseIdNumber(raw: string, today: string = beijingToday()): ParsedIdNumber | IdNumberProblem {
  // Read character by character (this runs for every reference in an `_entities` batch, some three
  // thousand times a Roster): what the pattern /^\d{17}[\dX]$/ after trim() and toUpperCase() accepts.
  // No other character upper-cases to a digit or an X, so only a lower-case x needs normalising.
  let value = raw.length === 18 ? raw : raw.trim();
  if (value.length !== 18) return 'FORMAT';
  for (let i = 0; i < 17; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return 'FORMAT';
  }
  const last = value.charCodeAt(17);
  if (last === 120) value = `${value.slice(0, 17)}X`;
  else if (last !== 88 && (last < 48 || last > 57)) return 'FORMAT';
  if (!isDayOf(digitsAt(value, 6, 10), digitsAt(value, 10, 12), digitsAt(value, 12, 14))) return 'BIRTH_DATE';
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return 'FUTURE_BIRTH_DATE';
  if (idNumberCheckChar(value) !== value[17]) return 'CHECK_CHARACTER';
  return {
    idNumber: value,
    birthDate,
    gender: (value.charCodeAt(16) - 48) % 2 === 1 ? 'MALE' : 'FEMALE',
    regionCode: value.slice(0, 6),
  };
}

let lastRaw: string | undefined;
let lastToday: string | undefined;
let lastParsed: ParsedIdNumber | IdNumberProblem = 'FORMAT';

/**
 * parseIdNumber for the fields a stored row derives from its ID number (gender and birth date, which a
 * Roster asks of every person, one right after the other): the last number parsed is remembered, so the
 * second field of the same row does not parse it again. (A WeakMap from row to parsed number did the
 * same at a higher price: 11 % of HR's 808-row workforce fetch, and ephemerons for the collector.)
 */
export function parseStoredIdNumber(raw: string, today: string = beijingToday()): ParsedIdNumber | IdNumberProblem {
  if (raw !== lastRaw || today !== lastToday) {
    lastParsed = parseIdNumber(raw, today);
    lastRaw = raw;
    lastToday = today;
  }
  return lastParsed;
}

const PROBLEM_TEXT: Record<IdNumberProblem, [string, string]> = {
  FORMAT: ['公民身份号码应为18位：17位数字加1位校验码（数字或X）', 'an ID number has 18 characters: 17 digits and a check character (digit or X)'],
  BIRTH_DATE: ['公民身份号码中的出生日期不是真实日期', 'the birth date inside the ID number is not a real date'],
  FUTURE_BIRTH_DATE: ['公民身份号码中的出生日期晚于今天', 'the birth date inside the ID number is after today'],
  CHECK_CHARACTER: ['公民身份号码校验码错误（GB 11643-1999）', 'the check character of the ID number is wrong (GB 11643-1999)'],
};

/** Validates and normalises an ID number at an entry point, or throws INVALID_ID_NUMBER naming the field. */
export function requireIdNumber(raw: string, field = 'idNumber', today: string = beijingToday()): ParsedIdNumber {
  const parsed = parseIdNumber(raw, today);
  if (typeof parsed !== 'string') return parsed;
  const [zh, en] = PROBLEM_TEXT[parsed];
  throw hubError(ErrorCode.INVALID_ID_NUMBER, field, `${field}：${zh}`, `${field}: ${en}`);
}
