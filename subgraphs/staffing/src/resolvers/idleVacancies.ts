import { addMonths, beijingDay, connection, ErrorCode, hubError, readPage, unitScope, wholeMonthsBetween } from '@hub/schema';
import { rules } from '../config.ts';
import type { StaffingContext } from '../context.ts';
import { countIdleVacancies, idleVacancyRows, type IdleVacancyFilter } from '../db/dynamicQueries.ts';
import type { QueryIdleVacanciesArgs } from '../generated/resolvers.ts';
import type { IdleVacancyParent } from './mappers.ts';

/** The longest idle time that may be asked for (50 years). */
const MAX_IDLE_MONTHS = 600;

/**
 * 闲置空编: quotas that have had a vacancy without a break for `idleMonths` whole months or more
 * (default IDLE_VACANCY_MONTHS, 12), longest idle first: candidates for 空编收回. A vacancy held by a
 * pending approval (reserved) is not idle. A unit operator sees only its own unit's.
 */
export async function idleVacancies(_: unknown, args: QueryIdleVacanciesArgs, ctx: StaffingContext) {
  const months = args.idleMonths ?? rules.IDLE_VACANCY_MONTHS;
  if (!Number.isInteger(months) || months < 0 || months > MAX_IDLE_MONTHS)
    throw hubError(
      ErrorCode.INVALID_ARGUMENT,
      'idleMonths',
      `idleMonths 应为 0 到 ${MAX_IDLE_MONTHS} 的整数`,
      `idleMonths must be a whole number from 0 to ${MAX_IDLE_MONTHS}`,
    );
  const page = readPage(args.first, args.after, 50);
  const today = beijingDay(ctx.now());
  const filter: IdleVacancyFilter = {
    cutoff: addMonths(today, -months),
    level: args.level,
    system: args.system,
    category: args.category,
    creditCode: unitScope(ctx.viewer),
  };
  const rows = await idleVacancyRows(ctx.db, filter, page.limit + 1, page.offset);
  const nodes = rows.map(({ quota, institution, occupied }): IdleVacancyParent => {
    ctx.loaders.institutionByCreditCode.prime(institution.creditCode, institution);
    return {
      institution,
      category: quota.category,
      approved: quota.approved,
      occupied,
      reserved: quota.reserved,
      vacant: quota.approved - occupied - quota.reserved,
      // The filter keeps rows with a day on or before the cutoff only.
      vacantSince: quota.vacantSince!,
      idleMonths: wholeMonthsBetween(quota.vacantSince!, today),
    };
  });
  return connection(nodes, page, () => countIdleVacancies(ctx.db, filter));
}
