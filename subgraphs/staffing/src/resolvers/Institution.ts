import { beijingDay, connection, forbiddenUnit, inUnitScope, readPage, requireCreditCode } from '@hub/schema';
import { quotaFigures } from '../domain/quotaFigures.ts';
import { removalReport } from './removalReport.ts';
import type { InstitutionResolvers } from '../generated/resolvers.ts';

export const Institution: InstitutionResolvers = {
  __resolveReference: async (ref, ctx) => {
    const creditCode = requireCreditCode(ref.creditCode);
    if (!inUnitScope(ctx.viewer, creditCode)) throw forbiddenUnit('creditCode');
    return ctx.loaders.institutionByCreditCode.load(creditCode);
  },

  parent: (row, _, ctx) =>
    row.parentCreditCode && inUnitScope(ctx.viewer, row.parentCreditCode) ? ctx.loaders.institutionByCreditCode.load(row.parentCreditCode) : null,

  quotas: async (row, _, ctx) => {
    const [approved, occupied] = await Promise.all([
      ctx.loaders.quotasByInstitution.load(row.creditCode),
      ctx.loaders.occupiedByInstitution.load(row.creditCode),
    ]);
    return quotaFigures(approved, occupied);
  },

  frozen: async (row, _, ctx) => (await ctx.loaders.unitFreezesByInstitution.load(row.creditCode)).some((f) => f.unfrozenAt === null),
  freezes: (row, _, ctx) => ctx.loaders.unitFreezesByInstitution.load(row.creditCode),

  ledger: async (row, args, ctx) => {
    const page = readPage(args.first, args.after, 50);
    const rows = await ctx.loaders.ledgerPageByInstitution.load({ parent: row.creditCode, limit: page.limit, offset: page.offset });
    return connection(rows, page, () => ctx.loaders.ledgerCountByInstitution.load(row.creditCode));
  },

  removalReport,

  quotaUse: (row, _, ctx) => ctx.loaders.institutionQuotaUse.load({ institution: row, today: beijingDay(ctx.now()) }),
};
