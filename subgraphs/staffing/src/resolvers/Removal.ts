import type { RemovalResolvers } from '../generated/resolvers.ts';
import { ownInstitution } from './ownInstitution.ts';

export const Removal: RemovalResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
  institution: (row, _, ctx) => ownInstitution(ctx, row.institutionCreditCode),
  stopPayNotice: (row, _, ctx) => ctx.loaders.stopPayNoticeByRemovalId.load(row.id),
};
