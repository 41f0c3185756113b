import { connection, forbiddenUnit, inUnitScope, readPage, requireCreditCode } from '@hub/schema';
import type { InstitutionResolvers } from '../generated/resolvers.ts';
import { personColumnsOfPage } from './Person.ts';

export const Institution: InstitutionResolvers = {
  __resolveReference: async (ref, ctx) => {
    const creditCode = requireCreditCode(ref.creditCode);
    if (!inUnitScope(ctx.viewer, creditCode)) throw forbiddenUnit('creditCode');
    return { creditCode };
  },

  workforce: async (ref, args, ctx, info) => {
    const page = readPage(args.first, args.after, 50);
    const type = args.type ?? null;
    const rows = await ctx.loaders.workforcePageByInstitution.load({
      parent: ref.creditCode,
      filter: type ?? undefined,
      limit: page.limit,
      offset: page.offset,
      columns: personColumnsOfPage(info),
    });
    // The page's rows carry the list's size (counted in their statement); an empty page asks the counts.
    return connection(rows, page, async () => {
      if (rows.length > 0) return rows[0]!.listSize;
      const counts = await ctx.loaders.workforceCountsByInstitution.load(ref.creditCode);
      return counts.filter((c) => !type || c.type === type).reduce((sum, c) => sum + Number(c.count), 0);
    });
  },

  workforceByType: async (ref, _, ctx) =>
    (await ctx.loaders.workforceCountsByInstitution.load(ref.creditCode)).map((c) => ({ type: c.type, count: Number(c.count) })),
};
