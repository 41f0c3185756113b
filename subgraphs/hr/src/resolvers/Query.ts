import { connection, readPage, requireIdNumber } from '@hub/schema';
import type { HrContext } from '../context.ts';
import { countPersons, listPersons, type PersonFilter } from '../db/queries.ts';

export const Query = {
  person: (_: unknown, args: { idNumber: string }, ctx: HrContext) =>
    ctx.loaders.personByIdNumber.load(requireIdNumber(args.idNumber).idNumber),

  persons: async (_: unknown, args: PersonFilter & { first?: number | null; after?: string | null }, ctx: HrContext) => {
    const page = readPage(args.first, args.after);
    const filter: PersonFilter = { name: args.name?.trim() || null, employmentType: args.employmentType };
    const rows = await listPersons(ctx.db, filter, page.limit + 1, page.offset);
    for (const row of rows) ctx.loaders.personByIdNumber.prime(row.idNumber, row);
    return connection(rows, page, () => countPersons(ctx.db, filter));
  },
};
