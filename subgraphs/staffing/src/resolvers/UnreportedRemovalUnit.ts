import { lastDayOfMonth } from '@hub/schema';
import type { UnreportedRemovalUnitResolvers } from '../generated/resolvers.ts';

export const UnreportedRemovalUnit: UnreportedRemovalUnitResolvers = {
  dueOn: (unit) => lastDayOfMonth(unit.month),
  lastReportedMonth: (unit, _, ctx) => ctx.loaders.latestReportedMonthByInstitution.load(unit.institution.creditCode),
};
