import { forbiddenUnit, unitScope } from '@hub/schema';
import { filledLeadershipRows } from '../db/statsQueries.ts';
import { leadershipAlerts } from '../domain/leadershipAlerts.ts';
import type { StaffScopeResolvers } from '../generated/resolvers.ts';

/**
 * 统计范围, the Organization Department's side: the approved leadership posts of the scope's
 * institutions come from the Staffing Office in the reference (@requires); the filled ones are counted here.
 */
export const StaffScope: StaffScopeResolvers = {
  __resolveReference: (ref, ctx) => {
    const approved = (ref.leadershipPostsApproved ?? []).map((a) => ({ creditCode: a.creditCode, approved: a.approved }));
    const unit = unitScope(ctx.viewer);
    if (unit !== null && (approved.length !== 1 || approved[0]!.creditCode !== unit)) throw forbiddenUnit('scope');
    return { id: ref.id, approved };
  },
  leadershipAlerts: async (scope, _, ctx) => {
    const rows = await filledLeadershipRows(
      ctx.db,
      scope.approved.map((a) => a.creditCode),
    );
    return leadershipAlerts(scope.approved, new Map(rows.map((r) => [r.creditCode, Number(r.filled)])));
  },
};
