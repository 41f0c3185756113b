import { beijingDay } from '@hub/schema';
import { approvalRemaining, approvalStatus } from '../domain/approvalStatus.ts';
import type { HiringApprovalResolvers } from '../generated/resolvers.ts';
import { ownInstitution } from './ownInstitution.ts';

export const HiringApproval: HiringApprovalResolvers = {
  application: (row, _, ctx) => (row.applicationId === null ? null : ctx.loaders.hiringApplicationById.load(row.applicationId)),
  institution: (row, _, ctx) => ownInstitution(ctx, row.institutionCreditCode),
  remaining: (row) => approvalRemaining(row),
  status: (row, _, ctx) => approvalStatus(row, beijingDay(ctx.now())),
  uses: (row, _, ctx) => ctx.loaders.hiringApprovalUsesByFormNumber.load(row.approvalFormNumber),
};
