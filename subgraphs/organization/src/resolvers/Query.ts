import { requireIdNumber } from '@hub/schema';
import type { OrganizationContext } from '../context.ts';

export const Query = {
  cadre: (_: unknown, args: { idNumber: string }, ctx: OrganizationContext) =>
    ctx.loaders.cadreByIdNumber.load(requireIdNumber(args.idNumber).idNumber),
};
