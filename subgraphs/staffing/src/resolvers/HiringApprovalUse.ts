import type { HiringApprovalUseResolvers } from '../generated/resolvers.ts';

export const HiringApprovalUse: HiringApprovalUseResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
};
