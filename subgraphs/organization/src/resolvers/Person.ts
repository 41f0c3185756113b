import { inUnitScope, requireIdNumber } from '@hub/schema';
import type { OrganizationContext } from '../context.ts';

interface PersonRef {
  idNumber: string;
}

export const Person = {
  __resolveReference: async (ref: PersonRef): Promise<PersonRef> => ({ idNumber: requireIdNumber(ref.idNumber).idNumber }),
  cadre: async (p: PersonRef, _: unknown, ctx: OrganizationContext) => {
    const cadre = await ctx.loaders.cadreByIdNumber.load(p.idNumber);
    return cadre && inUnitScope(ctx.viewer, cadre.institutionCreditCode) ? cadre : null;
  },
};
