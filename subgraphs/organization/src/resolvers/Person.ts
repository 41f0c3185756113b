import { idNumberReference, inUnitScope } from '@hub/schema';
import type { PersonResolvers } from '../generated/resolvers.ts';
import { cadreColumns } from './Cadre.ts';

export const Person: PersonResolvers = {
  __resolveReference: (ref) => idNumberReference(ref),
  cadre: async (p, _, ctx, info) => {
    const cadre = await ctx.loaders.cadreByIdNumber.load(p.idNumber, cadreColumns(info));
    return cadre && inUnitScope(ctx.viewer, cadre.institutionCreditCode) ? cadre : null;
  },
};
