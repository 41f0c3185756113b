import { connection, readPage, unitScope } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { countUndeliveredStopPayNotices, undeliveredStopPayNotices as listUndelivered } from '../db/removalQueries.ts';
import type { QueryUndeliveredStopPayNoticesArgs } from '../generated/resolvers.ts';

/**
 * Stop-pay notices Finance has not received yet (their outbox message undelivered: Finance down, or
 * the relay retrying), oldest first, each with how long it has waited. A unit operator sees its own
 * unit's only.
 */
export async function undeliveredStopPayNotices(_: unknown, args: QueryUndeliveredStopPayNoticesArgs, ctx: StaffingContext) {
  const page = readPage(args.first, args.after, 50);
  const unit = unitScope(ctx.viewer);
  const rows = await listUndelivered(ctx.db, unit, page.limit + 1, page.offset);
  return connection(rows, page, () => countUndeliveredStopPayNotices(ctx.db, unit));
}
