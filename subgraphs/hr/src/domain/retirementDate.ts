import { addMonths } from '@hub/schema';
import type { Gender } from '../generated/enums.ts';

/**
 * 法定退休日期: the day someone born on `birthDate` reaches the statutory retirement age, under the
 * Standing Committee of the NPC's decision of 13 September 2024 on raising the statutory retirement
 * age step by step (渐进式延迟法定退休年龄, from 1 January 2025):
 * - men: 60, raised by one month for every four months of birth from January 1965 (born January–April
 *   1965: 60 years 1 month; …), up to 63 for those born September 1976 or later;
 * - women: 55 (the age of women cadres and women in management and professional posts, 女干部, which is
 *   what the staff of government organs and public institutions hold), raised likewise from January 1970,
 *   up to 58 for those born September 1981 or later.
 * Women on worker posts (工人岗位, 50 rising to 55) are not told apart by HR's records, so the 55-year rule
 * is used for every woman; the forecast therefore never counts a woman worker's earlier retirement.
 * The day is the birthday at that age in months (a birth on the 31st falls on the month's last day).
 */
export function retirementDate(birthDate: string, gender: Gender): string {
  const [baseYears, reformFrom] = gender === 'MALE' ? [60, 1965] : [55, 1970];
  const monthsSinceReform = (Number(birthDate.slice(0, 4)) - reformFrom) * 12 + (Number(birthDate.slice(5, 7)) - 1);
  const delay = monthsSinceReform < 0 ? 0 : Math.min(36, Math.floor(monthsSinceReform / 4) + 1);
  return addMonths(birthDate, baseYears * 12 + delay);
}
