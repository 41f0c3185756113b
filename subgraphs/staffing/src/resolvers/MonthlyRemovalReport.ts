import { isLateReport } from '../domain/removalReportMonth.ts';
import type { MonthlyRemovalReportResolvers } from '../generated/resolvers.ts';
import { ownInstitution } from './ownInstitution.ts';

export const MonthlyRemovalReport: MonthlyRemovalReportResolvers = {
  institution: (row, _, ctx) => ownInstitution(ctx, row.institutionCreditCode),
  late: (row) => isLateReport(row.month, row.submittedAt),
};
