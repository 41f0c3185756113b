import { forbiddenUnit, inUnitScope, requireCreditCode } from '@hub/schema';
import { filledLeadershipPosts } from '../domain/filledLeadershipPosts.ts';
import type { InstitutionResolvers } from '../generated/resolvers.ts';
import { leadershipPostStatus } from './leadershipPostStatus.ts';

export const Institution: InstitutionResolvers = {
  __resolveReference: async (ref, ctx) => {
    const creditCode = requireCreditCode(ref.creditCode);
    if (!inUnitScope(ctx.viewer, creditCode)) throw forbiddenUnit('creditCode');
    // leadershipPostsApproved comes with the reference when the gateway fetched it for leadershipPostStatus.
    return { creditCode, leadershipPostsApproved: ref.leadershipPostsApproved ?? null };
  },
  cadres: (ref, _, ctx) => ctx.loaders.cadresByInstitution.load(ref.creditCode),
  leadershipPostsFilled: async (ref, _, ctx) => filledLeadershipPosts(await ctx.loaders.cadresByInstitution.load(ref.creditCode)),
  leadershipPostStatus,
};
