import { inUnitScope } from '@hub/schema';
import type { QuotaMovementResolvers } from '../generated/resolvers.ts';
import { ownInstitution } from './ownInstitution.ts';

export const QuotaMovement: QuotaMovementResolvers = {
  // A unit operator sees the movements of its own unit; the other side's name stays hidden from it.
  from: (row, _, ctx) => (row.fromCreditCode && inUnitScope(ctx.viewer, row.fromCreditCode) ? ownInstitution(ctx, row.fromCreditCode) : null),
  to: (row, _, ctx) => (row.toCreditCode && inUnitScope(ctx.viewer, row.toCreditCode) ? ownInstitution(ctx, row.toCreditCode) : null),
  persons: (row) => row.personIdNumbers.map((idNumber) => ({ idNumber })),
};
