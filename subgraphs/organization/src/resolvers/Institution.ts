import { forbiddenUnit, inUnitScope, requireCreditCode } from '@hub/schema';
import type { OrganizationContext } from '../context.ts';
import { filledLeadershipPosts } from '../domain/filledLeadershipPosts.ts';

interface InstitutionRef {
  creditCode: string;
}

export const Institution = {
  __resolveReference: async (ref: InstitutionRef, ctx: OrganizationContext): Promise<InstitutionRef> => {
    const creditCode = requireCreditCode(ref.creditCode);
    if (!inUnitScope(ctx.viewer, creditCode)) throw forbiddenUnit('creditCode');
    return { creditCode };
  },
  cadres: (ref: InstitutionRef, _: unknown, ctx: OrganizationContext) => ctx.loaders.cadresByInstitution.load(ref.creditCode),
  leadershipPostsFilled: async (ref: InstitutionRef, _: unknown, ctx: OrganizationContext) =>
    filledLeadershipPosts(await ctx.loaders.cadresByInstitution.load(ref.creditCode)),
};
