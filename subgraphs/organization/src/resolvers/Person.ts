import { idNumberReference, inUnitScope } from '@hub/schema';
import type { PersonResolvers } from '../generated/resolvers.ts';

export const Person: PersonResolvers = {
  __resolveReference: (ref) => idNumberReference(ref),
  cadre: async (p, _, ctx) => {
    const cadre = await ctx.loaders.cadreByIdNumber.load(p.idNumber);
    return cadre && inUnitScope(ctx.viewer, cadre.institutionCreditCode) ? cadre : null;
  },
};
