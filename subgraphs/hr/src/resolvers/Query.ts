import { connection, forbiddenUnit, inUnitScope, readPage, requireIdNumber, unitScope } from '@hub/schema';
import { countPersons, listPersons, type PersonFilter } from '../db/queries.ts';
import type { QueryResolvers } from '../generated/resolvers.ts';
import { hrVerificationRows } from './hrVerificationRows.ts';

export const Query: QueryResolvers = {
  hrVerificationRows,

  person: async (_, args, ctx) => {
    const { idNumber } = requireIdNumber(args.idNumber);
    if (unitScope(ctx.viewer) !== null && !inUnitScope(ctx.viewer, (await ctx.loaders.employmentByIdNumber.load(idNumber))?.institutionCreditCode)) {
      throw forbiddenUnit('idNumber');
    }
    return ctx.loaders.personByIdNumber.load(idNumber);
  },

  persons: async (_, args, ctx) => {
    const page = readPage(args.first, args.after);
    const filter: PersonFilter = { name: args.name?.trim() || null, employmentType: args.employmentType, institutionCreditCode: unitScope(ctx.viewer) };
    const rows = await listPersons(ctx.db, filter, page.limit + 1, page.offset);
    for (const row of rows) ctx.loaders.personByIdNumber.prime(row.idNumber, row);
    return connection(rows, page, () => countPersons(ctx.db, filter));
  },
};
