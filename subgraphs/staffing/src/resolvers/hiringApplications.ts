import { connection, forbiddenUnit, readPage, requireCreditCode, unitScope } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { countHiringApplications, listHiringApplications, type ApplicationFilter } from '../db/hiringQueries.ts';
import type { QueryHiringApplicationsArgs } from '../generated/resolvers.ts';

/** Hiring applications, newest first, by status and unit: the Staffing Office's in-tray (PENDING); a unit operator sees its own unit's. */
export async function hiringApplications(_: unknown, args: QueryHiringApplicationsArgs, ctx: StaffingContext) {
  const page = readPage(args.first, args.after);
  const scope = unitScope(ctx.viewer);
  const asked = args.institutionCreditCode ? requireCreditCode(args.institutionCreditCode, 'institutionCreditCode') : null;
  if (scope !== null && asked !== null && asked !== scope) throw forbiddenUnit('institutionCreditCode');
  const filter: ApplicationFilter = { status: args.status, institutionCreditCode: scope ?? asked };
  const rows = await listHiringApplications(ctx.db, filter, page.limit + 1, page.offset);
  for (const row of rows) ctx.loaders.hiringApplicationById.prime(row.id, row);
  return connection(rows, page, () => countHiringApplications(ctx.db, filter));
}
