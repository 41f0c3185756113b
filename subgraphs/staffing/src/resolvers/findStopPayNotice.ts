import { forbiddenUnit, inUnitScope } from '@hub/schema';
import type { QueryStopPayNoticeArgs } from '../generated/resolvers.ts';
import type { StaffingContext } from '../context.ts';

/** Query.stopPayNotice: 停拨工资通知 by its number (the file is not named after the field, which would clash with StopPayNotice.ts on a case-insensitive disk); a unit operator reads only its own unit's. */
export async function findStopPayNotice(_: unknown, { number }: QueryStopPayNoticeArgs, ctx: StaffingContext) {
  const notice = await ctx.loaders.stopPayNoticeByNumber.load(number.trim());
  if (notice && !inUnitScope(ctx.viewer, notice.institutionCreditCode)) throw forbiddenUnit('number');
  return notice;
}
