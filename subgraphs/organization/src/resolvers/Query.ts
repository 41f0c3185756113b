import { forbiddenUnit, inUnitScope, requireIdNumber } from '@hub/schema';
import type { OrganizationContext } from '../context.ts';

export const Query = {
  cadre: async (_: unknown, args: { idNumber: string }, ctx: OrganizationContext) => {
    const cadre = await ctx.loaders.cadreByIdNumber.load(requireIdNumber(args.idNumber).idNumber);
    if (cadre && !inUnitScope(ctx.viewer, cadre.institutionCreditCode)) throw forbiddenUnit('idNumber');
    return cadre;
  },
};
