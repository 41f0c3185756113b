import { inUnitScope, requireIdNumber } from '@hub/schema';
import type { PersonResolvers } from '../generated/resolvers.ts';

export const Person: PersonResolvers = {
  __resolveReference: async (ref) => ({ idNumber: requireIdNumber(ref.idNumber).idNumber }),
  cadre: async (p, _, ctx) => {
    const cadre = await ctx.loaders.cadreByIdNumber.load(p.idNumber);
    return cadre && inUnitScope(ctx.viewer, cadre.institutionCreditCode) ? cadre : null;
  },
};
