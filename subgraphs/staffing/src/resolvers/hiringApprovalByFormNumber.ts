import { forbiddenUnit, inUnitScope } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import type { QueryHiringApprovalArgs } from '../generated/resolvers.ts';

/** One hiring approval by its approval form number (null when there is none); a unit operator sees its own unit's only. */
export async function hiringApprovalByFormNumber(_: unknown, args: QueryHiringApprovalArgs, ctx: StaffingContext) {
  const approval = await ctx.loaders.hiringApprovalByFormNumber.load(args.approvalFormNumber.trim());
  if (approval && !inUnitScope(ctx.viewer, approval.institutionCreditCode)) throw forbiddenUnit('approvalFormNumber');
  return approval;
}
