import type { QuotaCategory } from '../generated/enums.ts';

export interface QuotaFigures {
  category: QuotaCategory;
  approved: number;
  occupied: number;
  reserved: number;
  vacant: number;
  /** 空编起始日 (kept by syncVacantSince); null while full, and for a category without approved quota. */
  vacantSince: string | null;
}

/**
 * 核定数 / 实有数 / 已审批未入编 / 空编数 of each category. Persons on the ledger in a category with no
 * approved quota still show up (approved 0, vacant negative): that is an over-quota finding, not noise.
 */
export function quotaFigures(
  approved: readonly { category: QuotaCategory; approved: number; reserved: number; vacantSince?: string | null }[],
  occupied: readonly { category: QuotaCategory; occupied: number }[],
): QuotaFigures[] {
  const byCategory = new Map<QuotaCategory, QuotaFigures>();
  for (const q of approved)
    byCategory.set(q.category, {
      category: q.category,
      approved: q.approved,
      reserved: q.reserved,
      occupied: 0,
      vacant: 0,
      vacantSince: q.vacantSince ?? null,
    });
  for (const o of occupied) {
    const figures = byCategory.get(o.category) ?? { category: o.category, approved: 0, reserved: 0, occupied: 0, vacant: 0, vacantSince: null };
    figures.occupied = Number(o.occupied);
    byCategory.set(o.category, figures);
  }
  return [...byCategory.values()].map((f) => ({ ...f, vacant: f.approved - f.occupied - f.reserved })).sort((a, b) => a.category.localeCompare(b.category));
}
