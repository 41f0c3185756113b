import { connection, readPage, unitScope } from '@hub/schema';
import type { FinanceContext } from '../context.ts';
import { countReceivedNotices, receivedNotices } from '../db/stopPayQueries.ts';
import type { QueryReceivedStopPayNoticesArgs } from '../generated/resolvers.ts';

/** The stop-pay notices Finance has received and applied, the latest first; a unit operator sees its own unit's. */
export async function receivedStopPayNotices(_: unknown, args: QueryReceivedStopPayNoticesArgs, ctx: FinanceContext) {
  const page = readPage(args.first, args.after, 50);
  const unit = unitScope(ctx.viewer);
  const rows = await receivedNotices(ctx.db, unit, page.limit + 1, page.offset);
  return connection(rows, page, () => countReceivedNotices(ctx.db, unit));
}
