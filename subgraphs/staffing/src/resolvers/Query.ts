import { connection, forbiddenUnit, inUnitScope, readPage, requireCreditCode, unitScope } from '@hub/schema';
import { countInstitutions, listInstitutions, type InstitutionFilter } from '../db/queries.ts';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { findStopPayNotice } from './findStopPayNotice.ts';
import { undeliveredStopPayNotices } from './undeliveredStopPayNotices.ts';
import { unreportedRemovalUnits } from './unreportedRemovalUnits.ts';
import { idleVacancies } from './idleVacancies.ts';
import { quotaMovements } from './quotaMovements.ts';
import { regionQuotaTotals } from './regionQuotaTotals.ts';
import { vacancyPool } from './vacancyPool.ts';
import { hiringApplicationById } from './hiringApplicationById.ts';
import { hiringApplications } from './hiringApplications.ts';
import { hiringApprovalByFormNumber } from './hiringApprovalByFormNumber.ts';
import { staffingCardByNumber } from './staffingCardByNumber.ts';
import { unusedHiringApprovals } from './unusedHiringApprovals.ts';
import { findStaffScope } from './findStaffScope.ts';
import { structureReport } from './structureReport.ts';
import { staffingVerificationRows } from './staffingVerificationRows.ts';

export const Query: QueryResolvers = {
  staffingVerificationRows,

  institution: (_, args, ctx) => {
    const creditCode = requireCreditCode(args.creditCode);
    if (!inUnitScope(ctx.viewer, creditCode)) throw forbiddenUnit('creditCode');
    return ctx.loaders.institutionByCreditCode.load(creditCode);
  },

  institutions: async (_, args, ctx) => {
    const page = readPage(args.first, args.after);
    const filter: InstitutionFilter = {
      kind: args.kind,
      level: args.level,
      system: args.system,
      parentCreditCode: args.parentCreditCode ? requireCreditCode(args.parentCreditCode, 'parentCreditCode') : null,
      creditCode: unitScope(ctx.viewer),
    };
    const rows = await listInstitutions(ctx.db, filter, page.limit + 1, page.offset);
    for (const row of rows) ctx.loaders.institutionByCreditCode.prime(row.creditCode, row);
    return connection(rows, page, () => countInstitutions(ctx.db, filter));
  },

  stopPayNotice: findStopPayNotice,
  undeliveredStopPayNotices,
  unreportedRemovalUnits,
  idleVacancies,
  vacancyPool,
  regionQuotaTotals,
  quotaMovements,
  staffingCard: staffingCardByNumber,
  hiringApplication: hiringApplicationById,
  hiringApplications,
  hiringApproval: hiringApprovalByFormNumber,
  unusedHiringApprovals,
  staffScope: findStaffScope,
  structureReport,
};
