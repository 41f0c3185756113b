import { idNumberReference, inUnitScope } from '@hub/schema';
import type { PersonResolvers } from '../generated/resolvers.ts';
import { ledgerEntryColumns } from './LedgerEntry.ts';

export const Person: PersonResolvers = {
  __resolveReference: (ref) => idNumberReference(ref),
  // A unit operator sees only the rows of its own unit.
  ledgerEntry: async (p, _, ctx, info) => {
    const entry = await ctx.loaders.ledgerEntryByIdNumber.load(p.idNumber, ledgerEntryColumns(info));
    return entry && inUnitScope(ctx.viewer, entry.institutionCreditCode) ? entry : null;
  },
  staffingCards: async (p, _, ctx) =>
    (await ctx.loaders.staffingCardsByIdNumber.load(p.idNumber)).filter((c) => inUnitScope(ctx.viewer, c.institutionCreditCode)),
  removals: async (p, _, ctx) => (await ctx.loaders.removalsByIdNumber.load(p.idNumber)).filter((r) => inUnitScope(ctx.viewer, r.institutionCreditCode)),
};
