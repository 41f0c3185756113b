import { readBulkCursor, requireBulkReader } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { verificationRows } from '../db/verificationRows.ts';
import type { QueryStaffingVerificationRowsArgs } from '../generated/resolvers.ts';

/** Composite keys of the datasets, so a cursor of one cannot be replayed against another. */
const KEY_LENGTH = { INSTITUTIONS: 1, QUOTAS: 2, LEDGER: 1, STAFFING_CARDS: 2, REMOVALS: 2, STOP_PAY_NOTICES: 2 } as const;

/** 核查批量读取 (README, "Verification"): the coordination group only, one keyset page. */
export function staffingVerificationRows(_: unknown, args: QueryStaffingVerificationRowsArgs, ctx: StaffingContext) {
  requireBulkReader(ctx.viewer);
  return verificationRows(ctx.db, args.dataset, readBulkCursor(args.first, args.after, KEY_LENGTH[args.dataset]));
}
