import { forbiddenUnit, inUnitScope, requireIdNumber } from '@hub/schema';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { cadreColumns } from './Cadre.ts';
import { organizationVerificationRows } from './organizationVerificationRows.ts';

export const Query: QueryResolvers = {
  organizationVerificationRows,

  cadre: async (_, args, ctx, info) => {
    const cadre = await ctx.loaders.cadreByIdNumber.load(requireIdNumber(args.idNumber).idNumber, cadreColumns(info));
    if (cadre && !inUnitScope(ctx.viewer, cadre.institutionCreditCode)) throw forbiddenUnit('idNumber');
    return cadre;
  },
};
