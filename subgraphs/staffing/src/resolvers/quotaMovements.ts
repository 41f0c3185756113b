import { connection, forbiddenUnit, readPage, requireCreditCode, unitScope } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { countQuotaMovements, quotaMovementRows, type QuotaMovementFilter } from '../db/dynamicQueries.ts';
import type { QueryQuotaMovementsArgs } from '../generated/resolvers.ts';

/** 编制变动记录: reclaims, allocations and transfers, newest first; a unit operator sees its own unit's only. */
export async function quotaMovements(_: unknown, args: QueryQuotaMovementsArgs, ctx: StaffingContext) {
  const page = readPage(args.first, args.after, 50);
  const asked = args.creditCode ? requireCreditCode(args.creditCode, 'creditCode') : null;
  const scope = unitScope(ctx.viewer);
  if (scope !== null && asked !== null && asked !== scope) throw forbiddenUnit('creditCode');
  const filter: QuotaMovementFilter = { kind: args.kind, creditCode: scope ?? asked };
  const rows = await quotaMovementRows(ctx.db, filter, page.limit + 1, page.offset);
  return connection(rows, page, () => countQuotaMovements(ctx.db, filter));
}
