import { inUnitScope } from '@hub/schema';
import type { StaffingCardEventResolvers } from '../generated/resolvers.ts';
import { ownInstitution } from './ownInstitution.ts';

export const StaffingCardEvent: StaffingCardEventResolvers = {
  from: (row, _, ctx) => (row.fromCreditCode && inUnitScope(ctx.viewer, row.fromCreditCode) ? ownInstitution(ctx, row.fromCreditCode) : null),
  to: (row, _, ctx) => (row.toCreditCode && inUnitScope(ctx.viewer, row.toCreditCode) ? ownInstitution(ctx, row.toCreditCode) : null),
};
