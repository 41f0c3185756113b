import { readBulkCursor, requireBulkReader } from '@hub/schema';
import type { HrContext } from '../context.ts';
import { verificationRows } from '../db/verificationRows.ts';
import type { QueryHrVerificationRowsArgs } from '../generated/resolvers.ts';

/** Composite keys of the datasets, so a cursor of one cannot be replayed against another. */
const KEY_LENGTH = { PERSONS: 1, SAME_NAME_BIRTH: 3 } as const;

/** 核查批量读取 (README, "Verification"): the coordination group only, one keyset page. */
export function hrVerificationRows(_: unknown, args: QueryHrVerificationRowsArgs, ctx: HrContext) {
  requireBulkReader(ctx.viewer);
  return verificationRows(ctx.db, args.dataset, readBulkCursor(args.first, args.after, KEY_LENGTH[args.dataset]));
}
