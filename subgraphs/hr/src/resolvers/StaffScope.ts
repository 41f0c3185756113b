import { addMonths, beijingDay, ErrorCode, forbiddenUnit, hubError, sharePercent, structureCells, unitScope } from '@hub/schema';
import { rules } from '../config.ts';
import { institutionProfileRows, joiningRows, retirementRows, structureRows, typeCountRows } from '../db/statsQueries.ts';
import { retirementDate } from '../domain/retirementDate.ts';
import { structureAlerts } from '../domain/structureAlerts.ts';
import type { EmploymentType } from '../generated/enums.ts';
import type { StaffScopeResolvers } from '../generated/resolvers.ts';
import { STATS_LABELS } from './statsLabels.ts';

const EMPLOYMENT_TYPES = Object.keys(STATS_LABELS.EMPLOYMENT_TYPE ?? {}) as EmploymentType[];
/** The forecast's horizons, in years. */
const HORIZONS = [1, 3, 5];
/** The longest joining trend that may be asked for, in years. */
const MAX_TREND_YEARS = 30;

const yyyymmdd = (day: string) => Number(day.replaceAll('-', ''));
const dayOf = (n: number) => `${String(n).slice(0, 4)}-${String(n).slice(4, 6)}-${String(n).slice(6, 8)}`;

/**
 * 统计范围, HR's side: aggregates of HR's own records over the institutions the Staffing Office puts in
 * the scope (`creditCodes`, which the gateway fetches from it and passes in the reference). Each is one
 * SQL aggregate; no person leaves HR. A unit operator gets figures of its own unit only.
 */
export const StaffScope: StaffScopeResolvers = {
  __resolveReference: (ref, ctx) => {
    const creditCodes = [...(ref.creditCodes ?? [])];
    const unit = unitScope(ctx.viewer);
    if (unit !== null && (creditCodes.length !== 1 || creditCodes[0] !== unit)) throw forbiddenUnit('scope');
    return { id: ref.id, creditCodes };
  },

  structure: async (scope, args, ctx) => {
    const asOf = args.asOf ?? beijingDay(ctx.now());
    const base = args.base ?? 'ALL_STAFF';
    const by = args.by && args.by !== args.dimension ? args.by : null;
    const rows = await structureRows(ctx.db, scope.creditCodes, args.dimension, by, base, asOf);
    const baseCount = rows.reduce((n, r) => n + Number(r.count), 0);
    return { dimension: args.dimension, by, asOf, base, baseCount, cells: structureCells(rows, baseCount, { dimension: args.dimension, by }, STATS_LABELS) };
  },

  workforceByType: async (scope, _, ctx) => {
    const rows = await typeCountRows(ctx.db, scope.creditCodes);
    return EMPLOYMENT_TYPES.map((type) => ({ type, count: Number(rows.find((r) => r.type === type)?.count ?? 0) }));
  },

  joiningTrend: async (scope, args, ctx) => {
    const thisYear = Number(beijingDay(ctx.now()).slice(0, 4));
    const toYear = args.toYear ?? thisYear;
    const fromYear = args.fromYear ?? toYear - 9;
    if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || toYear - fromYear + 1 > MAX_TREND_YEARS || fromYear < 1900)
      throw hubError(
        ErrorCode.INVALID_ARGUMENT,
        'fromYear',
        `fromYear 不得晚于 toYear，且至多 ${MAX_TREND_YEARS} 年（不早于 1900 年）`,
        `fromYear must not be after toYear, and at most ${MAX_TREND_YEARS} years (from 1900)`,
      );
    const rows = await joiningRows(ctx.db, scope.creditCodes, fromYear, toYear);
    return Array.from({ length: toYear - fromYear + 1 }, (_, i) => {
      const year = fromYear + i;
      const byType = EMPLOYMENT_TYPES.map((type) => ({ type, count: Number(rows.find((r) => Number(r.year) === year && r.type === type)?.count ?? 0) }));
      return { year, count: byType.reduce((n, t) => n + t.count, 0), byType };
    });
  },

  retirementForecast: async (scope, args, ctx) => {
    const asOf = args.asOf ?? beijingDay(ctx.now());
    const last = addMonths(asOf, 12 * Math.max(...HORIZONS));
    // Nobody retires before 55 nor after 63: those born more than 64 years before asOf are past every
    // retirement age, those born less than 50 years before it reach none within five years.
    const bornFrom = yyyymmdd(addMonths(asOf, -64 * 12));
    const bornTo = yyyymmdd(addMonths(asOf, -50 * 12));
    const [{ groups, olderCount }, types] = await Promise.all([
      retirementRows(ctx.db, scope.creditCodes, bornFrom, bornTo),
      typeCountRows(ctx.db, scope.creditCodes),
    ]);
    const baseCount = types.reduce((n, r) => n + Number(r.count), 0);
    let alreadyDue = olderCount;
    const due: { day: string; gender: 'MALE' | 'FEMALE'; count: number }[] = [];
    for (const g of groups) {
      const day = retirementDate(dayOf(Number(g.birth)), g.gender);
      if (day <= asOf) alreadyDue += Number(g.count);
      else if (day <= last) due.push({ day, gender: g.gender, count: Number(g.count) });
    }
    const horizons = HORIZONS.map((years) => {
      const until = addMonths(asOf, 12 * years);
      const within = due.filter((d) => d.day <= until);
      const men = within.filter((d) => d.gender === 'MALE').reduce((n, d) => n + d.count, 0);
      const women = within.filter((d) => d.gender === 'FEMALE').reduce((n, d) => n + d.count, 0);
      return { years, until, count: men + women, men, women, share: sharePercent(men + women, baseCount) };
    });
    return { asOf, baseCount, alreadyDue, horizons };
  },

  structureAlerts: async (scope, args, ctx) => {
    const asOf = args.asOf ?? beijingDay(ctx.now());
    const rows = (await institutionProfileRows(ctx.db, scope.creditCodes, asOf)).map((r) => ({
      creditCode: r.creditCode,
      total: Number(r.total),
      over50: Number(r.over50),
      inQuota: Number(r.inQuota),
    }));
    const whole = { creditCode: null as string | null, total: 0, over50: 0, inQuota: 0 };
    for (const r of rows) {
      whole.total += r.total;
      whole.over50 += r.over50;
      whole.inQuota += r.inQuota;
    }
    return structureAlerts(whole, rows, {
      ageingPercent: rules.AGEING_ALERT_PERCENT,
      outOfQuotaPercent: rules.OUT_OF_QUOTA_ALERT_PERCENT,
      minStaff: rules.ALERT_MIN_STAFF,
    });
  },
};
