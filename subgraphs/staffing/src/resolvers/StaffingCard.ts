import type { StaffingCardResolvers } from '../generated/resolvers.ts';
import { ownInstitution } from './ownInstitution.ts';

export const StaffingCard: StaffingCardResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
  institution: (row, _, ctx) => ownInstitution(ctx, row.institutionCreditCode),
  history: (row, _, ctx) => ctx.loaders.cardEventsByCardNumber.load(row.number),
};
