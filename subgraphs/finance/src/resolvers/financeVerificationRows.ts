import { readBulkCursor, requireBulkReader } from '@hub/schema';
import type { FinanceContext } from '../context.ts';
import { verificationRows } from '../db/verificationRows.ts';
import type { QueryFinanceVerificationRowsArgs } from '../generated/resolvers.ts';

const KEY_LENGTH = { BUDGET_UNITS: 1, PAYROLL: 1, STOP_PAY_NOTICES: 2 } as const;

/** 核查批量读取 (README, "Verification"): the coordination group only, one keyset page. */
export function financeVerificationRows(_: unknown, args: QueryFinanceVerificationRowsArgs, ctx: FinanceContext) {
  requireBulkReader(ctx.viewer);
  return verificationRows(ctx.db, args.dataset, readBulkCursor(args.first, args.after, KEY_LENGTH[args.dataset]));
}
