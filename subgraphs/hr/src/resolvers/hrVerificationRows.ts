import { readBulkCursor, requireBulkReader } from '@hub/schema';
import type { HrContext } from '../context.ts';
import { verificationRows } from '../db/verificationRows.ts';
import type { QueryHrVerificationRowsArgs } from '../generated/resolvers.ts';

/** 核查批量读取 (README, "Verification"): the coordination group only, one keyset page. */
export function hrVerificationRows(_: unknown, args: QueryHrVerificationRowsArgs, ctx: HrContext) {
  requireBulkReader(ctx.viewer);
  return verificationRows(ctx.db, args.dataset, readBulkCursor(args.first, args.after, 1));
}
