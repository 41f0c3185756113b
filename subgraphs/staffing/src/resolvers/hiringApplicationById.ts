import { forbiddenUnit, inUnitScope } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import type { QueryHiringApplicationArgs } from '../generated/resolvers.ts';

/** One hiring application by id (null when there is none); a unit operator sees its own unit's only. */
export async function hiringApplicationById(_: unknown, args: QueryHiringApplicationArgs, ctx: StaffingContext) {
  if (!/^[1-9]\d{0,8}$/.test(args.id.trim())) return null;
  const application = await ctx.loaders.hiringApplicationById.load(Number(args.id.trim()));
  if (application && !inUnitScope(ctx.viewer, application.institutionCreditCode)) throw forbiddenUnit('id');
  return application;
}
