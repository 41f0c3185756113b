import { beijingDay } from '@hub/schema';
import type { UnitFreezeResolvers } from '../generated/resolvers.ts';
import { ownInstitution } from './ownInstitution.ts';

export const UnitFreeze: UnitFreezeResolvers = {
  institution: (row, _, ctx) => ownInstitution(ctx, row.institutionCreditCode),
  frozenOn: (row) => beijingDay(row.frozenAt),
  unfrozenOn: (row) => (row.unfrozenAt ? beijingDay(row.unfrozenAt) : null),
  active: (row) => row.unfrozenAt === null,
};
