import { beijingDay, connection, ErrorCode, hubError, readPage, unitScope } from '@hub/schema';
import { rules } from '../config.ts';
import type { StaffingContext } from '../context.ts';
import { countUnusedHiringApprovals, listUnusedHiringApprovals } from '../db/hiringQueries.ts';
import { unusedApprovedOnOrBefore } from '../domain/approvalStatus.ts';
import type { QueryUnusedHiringApprovalsArgs } from '../generated/resolvers.ts';

/**
 * 跟踪问效: approvals still open (not withdrawn, not every person in) `olderThanMonths` months after
 * they were given (HIRING_APPROVAL_MONTHS, 6, when not asked), oldest first; each still reserves its
 * remaining persons, which `withdrawHiringApproval` releases. A unit operator sees its own unit's.
 */
export async function unusedHiringApprovals(_: unknown, args: QueryUnusedHiringApprovalsArgs, ctx: StaffingContext) {
  const months = args.olderThanMonths ?? rules.HIRING_APPROVAL_MONTHS;
  if (!Number.isInteger(months) || months < 0 || months > 240)
    throw hubError(
      ErrorCode.INVALID_ARGUMENT,
      'olderThanMonths',
      'olderThanMonths 应为 0 到 240 的整数',
      'olderThanMonths must be a whole number from 0 to 240',
    );
  const page = readPage(args.first, args.after);
  const cutoff = unusedApprovedOnOrBefore(beijingDay(ctx.now()), months);
  const scope = unitScope(ctx.viewer);
  const rows = await listUnusedHiringApprovals(ctx.db, cutoff, scope, page.limit + 1, page.offset);
  for (const row of rows) ctx.loaders.hiringApprovalByFormNumber.prime(row.approvalFormNumber, row);
  return connection(rows, page, () => countUnusedHiringApprovals(ctx.db, cutoff, scope));
}
