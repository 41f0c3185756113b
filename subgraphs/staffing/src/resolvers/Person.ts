import { inUnitScope, requireIdNumber } from '@hub/schema';
import type { StaffingContext } from '../context.ts';

interface PersonRef {
  idNumber: string;
}

export const Person = {
  __resolveReference: async (ref: PersonRef): Promise<PersonRef> => ({ idNumber: requireIdNumber(ref.idNumber).idNumber }),
  // A unit operator sees only the rows of its own unit.
  ledgerEntry: async (p: PersonRef, _: unknown, ctx: StaffingContext) => {
    const entry = await ctx.loaders.ledgerEntryByIdNumber.load(p.idNumber);
    return entry && inUnitScope(ctx.viewer, entry.institutionCreditCode) ? entry : null;
  },
  staffingCards: async (p: PersonRef, _: unknown, ctx: StaffingContext) =>
    (await ctx.loaders.staffingCardsByIdNumber.load(p.idNumber)).filter((c) => inUnitScope(ctx.viewer, c.institutionCreditCode)),
  removals: async (p: PersonRef, _: unknown, ctx: StaffingContext) =>
    (await ctx.loaders.removalsByIdNumber.load(p.idNumber)).filter((r) => inUnitScope(ctx.viewer, r.institutionCreditCode)),
};
