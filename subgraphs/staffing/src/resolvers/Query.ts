import { connection, readPage, requireCreditCode } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { countInstitutions, listInstitutions, type InstitutionFilter } from '../db/queries.ts';

interface InstitutionsArgs extends InstitutionFilter {
  first?: number | null;
  after?: string | null;
}

export const Query = {
  institution: (_: unknown, args: { creditCode: string }, ctx: StaffingContext) =>
    ctx.loaders.institutionByCreditCode.load(requireCreditCode(args.creditCode)),

  institutions: async (_: unknown, args: InstitutionsArgs, ctx: StaffingContext) => {
    const page = readPage(args.first, args.after);
    const filter: InstitutionFilter = {
      kind: args.kind,
      level: args.level,
      system: args.system,
      parentCreditCode: args.parentCreditCode ? requireCreditCode(args.parentCreditCode, 'parentCreditCode') : null,
    };
    const rows = await listInstitutions(ctx.db, filter, page.limit + 1, page.offset);
    for (const row of rows) ctx.loaders.institutionByCreditCode.prime(row.creditCode, row);
    return connection(rows, page, () => countInstitutions(ctx.db, filter));
  },
};
