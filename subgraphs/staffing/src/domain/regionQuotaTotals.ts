import type { AdminLevel, QuotaCategory } from '../generated/enums.ts';

export interface RegionQuotaTotal {
  category: QuotaCategory;
  level: AdminLevel;
  institutionsApproved: number;
  pool: number;
  total: number;
  ceiling: number | null;
  ceilingDocumentNumber: string | null;
}

type Cell = { category: QuotaCategory; level: AdminLevel };

/**
 * The region's total of each category at each level (本地区编制总额): the institutions' approved
 * quotas plus what the central pool holds, beside the ceiling the higher level approved. A reclaim, an
 * allocation within a level and a transfer between institutions of one level leave each total as it
 * was; a level change moves quota from one level's total to another's, the sum over levels unchanged.
 * Every cell that has approved quota, pool or a ceiling is listed, by category then level.
 */
export function regionQuotaTotals(
  approved: readonly (Cell & { approved: number })[],
  pool: readonly (Cell & { available: number })[],
  ceilings: readonly (Cell & { ceiling: number; documentNumber: string })[],
): RegionQuotaTotal[] {
  const cells = new Map<string, RegionQuotaTotal>();
  const cell = (c: Cell) => {
    const key = `${c.category}/${c.level}`;
    let found = cells.get(key);
    if (!found) {
      found = { category: c.category, level: c.level, institutionsApproved: 0, pool: 0, total: 0, ceiling: null, ceilingDocumentNumber: null };
      cells.set(key, found);
    }
    return found;
  };
  for (const a of approved) cell(a).institutionsApproved += a.approved;
  for (const p of pool) cell(p).pool += p.available;
  for (const c of ceilings) Object.assign(cell(c), { ceiling: c.ceiling, ceilingDocumentNumber: c.documentNumber });
  const levelOrder: readonly AdminLevel[] = ['CITY', 'DISTRICT', 'TOWNSHIP'];
  return [...cells.values()]
    .map((c) => ({ ...c, total: c.institutionsApproved + c.pool }))
    .sort((a, b) => a.category.localeCompare(b.category) || levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level));
}
