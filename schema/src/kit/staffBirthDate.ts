import { beijingDay } from './beijingDay.ts';
import { ErrorCode, hubError } from './errors.ts';

/**
 * The youngest a member of staff can be, in completed years (周岁): the Labour Law (劳动法 art. 15) and
 * the Provisions on the Prohibition of Child Labour (禁止使用童工规定, 国务院令第364号) forbid employing
 * anyone under 16. The exception those texts allow (arts, sports and special-crafts units, with a
 * separate approval) is not recorded by the hub; should it be needed, this constant is the place.
 */
export const MIN_STAFF_AGE = 16;

/**
 * The oldest a member of staff can be. Statutory retirement is at most 63 (the 2024 decision raising
 * it step by step from 2025), and rehired retirees (返聘) and emeritus experts work on well past it, so
 * the bound leaves decades of margin and refuses no real member of staff. Above it a birth date is a
 * wrong number, not an old employee: GB 11643's check character catches every single mistyped digit
 * (ISO 7064 MOD 11-2), but not a whole valid number of the wrong person (a grandparent's, a child's),
 * nor the standard's own example (born 1880) pasted as test data.
 */
export const MAX_STAFF_AGE = 100;

export type StaffBirthDateProblem = 'TOO_YOUNG' | 'TOO_OLD';

/** Age in completed years (周岁) on `day`; one born on 29 February completes a year on 1 March in a common year. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Whether someone born on `birthDate` can be a member of staff on `today`, or why not. */
export function staffBirthDateProblem(birthDate: string, today: string): StaffBirthDateProblem | null {
  const age = ageOn(birthDate, today);
  if (age < MIN_STAFF_AGE) return 'TOO_YOUNG';
  if (age > MAX_STAFF_AGE) return 'TOO_OLD';
  return null;
}

/**
 * Refuses, with STAFF_AGE_OUT_OF_RANGE naming the field, a person whose birth date (read off a valid
 * ID number) no member of staff can have. Applied where a person joins the hub's records (HR's
 * `registerPerson`), never where one is looked up: a lookup keeps to GB 11643, so an old but valid
 * number is "not found", not "invalid".
 */
export function requireStaffBirthDate(birthDate: string, field = 'idNumber', today: string = beijingDay()): void {
  const problem = staffBirthDateProblem(birthDate, today);
  if (!problem) return;
  const age = ageOn(birthDate, today);
  throw hubError(
    ErrorCode.STAFF_AGE_OUT_OF_RANGE,
    field,
    `${field}：公民身份号码中的出生日期（${birthDate}）表明此人今天${age}周岁，工作人员应为${MIN_STAFF_AGE}至${MAX_STAFF_AGE}周岁`,
    `${field}: the birth date in the ID number (${birthDate}) makes this person ${age} today; staff are ${MIN_STAFF_AGE} to ${MAX_STAFF_AGE} years old`,
  );
}
