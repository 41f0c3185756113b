import type { StaffingCardEventResolvers } from '../generated/resolvers.ts';
import { ownInstitution } from './ownInstitution.ts';

export const StaffingCardEvent: StaffingCardEventResolvers = {
  institution: (row, _, ctx) => ownInstitution(ctx, row.institutionCreditCode),
  fromInstitution: (row, _, ctx) => (row.fromInstitutionCreditCode ? ownInstitution(ctx, row.fromInstitutionCreditCode) : null),
};
