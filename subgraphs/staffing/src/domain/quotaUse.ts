import { sharePercent, wholeMonthsBetween } from '@hub/schema';
import type { QuotaCategory, QuotaLight, QuotaLightReason } from '../generated/enums.ts';
import type { QuotaFigures } from './quotaFigures.ts';

/** 编制使用数字: vacancies and over-quota persons counted apart, so one category's excess never hides another's vacancy. */
export interface QuotaUseFigures {
  category: QuotaCategory | null;
  approved: number;
  occupied: number;
  reserved: number;
  vacant: number;
  overQuota: number;
}

export interface LightThresholds {
  /** Yellow when vacant / approved, in percent, is above this. */
  vacancyPercent: number;
  /** Yellow when a vacancy has been idle this many whole months or more. */
  idleMonths: number;
}

export interface QuotaUse {
  total: QuotaUseFigures;
  byCategory: QuotaUseFigures[];
  light: QuotaLight;
  reasons: QuotaLightReason[];
  /** vacant / approved in percent, rounded half up; null without approved quota. */
  vacancyRate: number | null;
  longestIdleMonths: number | null;
}

/** A category's figures: a negative vacancy (approved − occupied − reserved) is over quota, not a vacancy. */
const useOf = (f: QuotaFigures): QuotaUseFigures => ({
  category: f.category,
  approved: f.approved,
  occupied: f.occupied,
  reserved: f.reserved,
  vacant: Math.max(0, f.vacant),
  overQuota: Math.max(0, -f.vacant),
});

/** The sum of several figures (a category's total, an institution's, a scope's). */
export function sumQuotaUse(figures: readonly QuotaUseFigures[], category: QuotaCategory | null = null): QuotaUseFigures {
  const total: QuotaUseFigures = { category, approved: 0, occupied: 0, reserved: 0, vacant: 0, overQuota: 0 };
  for (const f of figures) {
    total.approved += f.approved;
    total.occupied += f.occupied;
    total.reserved += f.reserved;
    total.vacant += f.vacant;
    total.overQuota += f.overQuota;
  }
  return total;
}

/**
 * 超缺编亮灯 of one institution from its quota figures on `today`:
 * - red (OVER_QUOTA) when in some category the occupied plus the reserved exceed the approved: quotas
 *   are approved per category, so a vacancy in one does not offset an excess in another. Exactly full
 *   (vacant 0) is not over quota.
 * - yellow when the vacancy share (vacant / approved over all categories, in percent rounded half up)
 *   is above `vacancyPercent` (VACANCY_RATE), or some category has had a vacancy without a break for
 *   `idleMonths` whole months or more (IDLE_VACANCY, the rule of `idleVacancies`; a vacancy held by an
 *   approved hire is reserved, not vacant, and not idle).
 * - green otherwise. Red wins over yellow; every reason that holds is listed.
 */
export function quotaUse(figures: readonly QuotaFigures[], today: string, thresholds: LightThresholds): QuotaUse {
  const byCategory = figures.map(useOf);
  const total = sumQuotaUse(byCategory);
  const vacancyRate = total.approved > 0 ? sharePercent(total.vacant, total.approved) : null;
  const idle = figures.filter((f) => f.vacant > 0 && f.vacantSince).map((f) => wholeMonthsBetween(f.vacantSince!, today));
  const longestIdleMonths = idle.length ? Math.max(...idle) : null;
  const reasons: QuotaLightReason[] = [];
  if (byCategory.some((f) => f.overQuota > 0)) reasons.push('OVER_QUOTA');
  if (vacancyRate !== null && vacancyRate > thresholds.vacancyPercent) reasons.push('VACANCY_RATE');
  if (longestIdleMonths !== null && longestIdleMonths >= thresholds.idleMonths) reasons.push('IDLE_VACANCY');
  const light: QuotaLight = reasons.includes('OVER_QUOTA') ? 'RED' : reasons.length ? 'YELLOW' : 'GREEN';
  return { total, byCategory, light, reasons, vacancyRate, longestIdleMonths };
}
