import { beijingDay, ErrorCode, hubError } from '@hub/schema';
import type { OrganizationContext } from '../context.ts';
import { leadershipPostStatus as status } from '../domain/leadershipPostStatus.ts';
import type { InstitutionLeadershipPostStatusArgs } from '../generated/resolvers.ts';
import type { InstitutionParent } from './mappers.ts';

/**
 * Institution.leadershipPostStatus: the approved number is the Staffing Office's, which the gateway
 * fetches from it and hands over with the reference (@requires); the filled number and the dates are
 * this office's cadre records, current and past. Null when the approved number did not come (the
 * Staffing Office failed): nothing to compare with.
 */
export async function leadershipPostStatus(ref: InstitutionParent, args: InstitutionLeadershipPostStatusArgs, ctx: OrganizationContext) {
  // Null as given explicitly means the schema's default.
  const months = args.longVacantMonths ?? 12;
  if (!Number.isInteger(months) || months < 0 || months > 600)
    throw hubError(
      ErrorCode.INVALID_ARGUMENT,
      'longVacantMonths',
      'longVacantMonths 应为 0 到 600 的整数',
      'longVacantMonths must be a whole number from 0 to 600',
    );
  if (ref.leadershipPostsApproved == null) return null;
  const [current, past] = await Promise.all([
    ctx.loaders.cadresByInstitution.load(ref.creditCode),
    ctx.loaders.pastLeadershipPostsByInstitution.load(ref.creditCode),
  ]);
  const tenures = [
    ...current.filter((c) => c.leadership).map((c) => ({ appointedOn: c.appointedOn, leftOn: null })),
    ...past.map((p) => ({ appointedOn: p.appointedOn, leftOn: p.leftOn })),
  ];
  return status(ref.leadershipPostsApproved, tenures, beijingDay(ctx.now()), months);
}
