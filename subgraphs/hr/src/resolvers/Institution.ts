import { connection, forbiddenUnit, inUnitScope, readPage, requireCreditCode } from '@hub/schema';
import type { HrContext } from '../context.ts';
import type { EmploymentType } from '../domain/enums.ts';

interface InstitutionRef {
  creditCode: string;
}

export const Institution = {
  __resolveReference: async (ref: InstitutionRef, ctx: HrContext): Promise<InstitutionRef> => {
    const creditCode = requireCreditCode(ref.creditCode);
    if (!inUnitScope(ctx.viewer, creditCode)) throw forbiddenUnit('creditCode');
    return { creditCode };
  },

  workforce: async (
    ref: InstitutionRef,
    args: { first?: number | null; after?: string | null; type?: EmploymentType | null },
    ctx: HrContext,
  ) => {
    const page = readPage(args.first, args.after, 50);
    const type = args.type ?? null;
    const rows = await ctx.loaders.workforcePageByInstitution.load({ parent: ref.creditCode, filter: type ?? undefined, limit: page.limit, offset: page.offset });
    return connection(rows, page, async () => {
      const counts = await ctx.loaders.workforceCountsByInstitution.load(ref.creditCode);
      return counts.filter((c) => !type || c.type === type).reduce((sum, c) => sum + Number(c.count), 0);
    });
  },

  workforceByType: async (ref: InstitutionRef, _: unknown, ctx: HrContext) =>
    (await ctx.loaders.workforceCountsByInstitution.load(ref.creditCode)).map((c) => ({ type: c.type, count: Number(c.count) })),
};
