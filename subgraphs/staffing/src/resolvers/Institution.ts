import { connection, forbiddenUnit, inUnitScope, readPage, requireCreditCode } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import type { InstitutionRow } from '../db/queries.ts';
import { quotaFigures } from '../domain/quotaFigures.ts';

export const Institution = {
  __resolveReference: async (ref: { creditCode: string }, ctx: StaffingContext) => {
    const creditCode = requireCreditCode(ref.creditCode);
    if (!inUnitScope(ctx.viewer, creditCode)) throw forbiddenUnit('creditCode');
    return ctx.loaders.institutionByCreditCode.load(creditCode);
  },

  parent: (row: InstitutionRow, _: unknown, ctx: StaffingContext) =>
    row.parentCreditCode && inUnitScope(ctx.viewer, row.parentCreditCode) ? ctx.loaders.institutionByCreditCode.load(row.parentCreditCode) : null,

  quotas: async (row: InstitutionRow, _: unknown, ctx: StaffingContext) => {
    const [approved, occupied] = await Promise.all([
      ctx.loaders.quotasByInstitution.load(row.creditCode),
      ctx.loaders.occupiedByInstitution.load(row.creditCode),
    ]);
    return quotaFigures(approved, occupied);
  },

  ledger: async (row: InstitutionRow, args: { first?: number | null; after?: string | null }, ctx: StaffingContext) => {
    const page = readPage(args.first, args.after, 50);
    const rows = await ctx.loaders.ledgerPageByInstitution.load({ parent: row.creditCode, limit: page.limit, offset: page.offset });
    return connection(rows, page, () => ctx.loaders.ledgerCountByInstitution.load(row.creditCode));
  },
};
