import type { StaffingContext } from '../context.ts';
import { approvedByCategoryAndLevel, quotaCeilingRows, vacancyPoolRows } from '../db/dynamicQueries.ts';
import { regionQuotaTotals as totals } from '../domain/regionQuotaTotals.ts';

/** 本地区编制总额: per category and level, the institutions' approved quotas plus the pool, beside the ceiling. */
export async function regionQuotaTotals(_: unknown, __: unknown, ctx: StaffingContext) {
  const [approved, pool, ceilings] = await Promise.all([approvedByCategoryAndLevel(ctx.db), vacancyPoolRows(ctx.db), quotaCeilingRows(ctx.db)]);
  return totals(approved, pool, ceilings);
}
