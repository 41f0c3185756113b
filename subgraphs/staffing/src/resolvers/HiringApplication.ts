import type { HiringApplicationResolvers } from '../generated/resolvers.ts';
import { ownInstitution } from './ownInstitution.ts';

export const HiringApplication: HiringApplicationResolvers = {
  id: (row) => String(row.id),
  institution: (row, _, ctx) => ownInstitution(ctx, row.institutionCreditCode),
  approval: (row, _, ctx) => (row.status === 'APPROVED' ? ctx.loaders.hiringApprovalByApplicationId.load(row.id) : null),
};
