import { readBulkCursor, requireBulkReader } from '@hub/schema';
import type { OrganizationContext } from '../context.ts';
import { verificationRows } from '../db/verificationRows.ts';
import type { QueryOrganizationVerificationRowsArgs } from '../generated/resolvers.ts';

/** 核查批量读取 (README, "Verification"): the coordination group only, one keyset page. */
export function organizationVerificationRows(_: unknown, args: QueryOrganizationVerificationRowsArgs, ctx: OrganizationContext) {
  requireBulkReader(ctx.viewer);
  return verificationRows(ctx.db, args.dataset, readBulkCursor(args.first, args.after, 1));
}
