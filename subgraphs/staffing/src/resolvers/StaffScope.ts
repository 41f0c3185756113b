import { beijingDay, connection, readPage, structureCells } from '@hub/schema';
import { rules } from '../config.ts';
import { ledgerStructureRows } from '../db/statsQueries.ts';
import { quotaAlerts } from '../domain/quotaAlerts.ts';
import { sumQuotaUse } from '../domain/quotaUse.ts';
import { parseScopeId } from '../domain/scopeId.ts';
import { scopeLabel } from '../domain/scopeLabel.ts';
import { QUOTA_CATEGORY_LABELS } from '../domain/scopeLabels.ts';
import type { QuotaCategory, QuotaLight } from '../generated/enums.ts';
import type { StaffScopeResolvers } from '../generated/resolvers.ts';
import { scopeParent } from './scopeParent.ts';

const LIGHT_ORDER: Record<QuotaLight, number> = { RED: 0, YELLOW: 1, GREEN: 2 };

/** 统计范围: the Staffing Office's side of a scope (its institutions, quota use, lights, the ledger's structure). */
export const StaffScope: StaffScopeResolvers = {
  __resolveReference: (ref, ctx) => scopeParent(parseScopeId(ref.id), ctx.viewer),

  label: async (scope, _, ctx) => {
    const unit = scope.conditions.creditCode ? await ctx.loaders.institutionByCreditCode.load(scope.conditions.creditCode) : null;
    return scopeLabel(scope.conditions, unit?.name);
  },
  level: (scope) => scope.conditions.level,
  kind: (scope) => scope.conditions.kind,
  system: (scope) => scope.conditions.system,
  fundingForms: (scope) => scope.conditions.fundingForms,
  institution: (scope, _, ctx) => (scope.conditions.creditCode ? ctx.loaders.institutionByCreditCode.load(scope.conditions.creditCode) : null),
  institutionCount: async (scope, _, ctx) => (await ctx.loaders.scopeInstitutions.load(scope.id)).length,
  creditCodes: async (scope, _, ctx) => (await ctx.loaders.scopeInstitutions.load(scope.id)).map((r) => r.creditCode),
  leadershipPostsApproved: async (scope, _, ctx) =>
    (await ctx.loaders.scopeInstitutions.load(scope.id)).map((r) => ({ creditCode: r.creditCode, approved: r.leadershipPostsApproved })),

  quotaUse: async (scope, _, ctx) => {
    const uses = await ctx.loaders.scopeQuotaUse.load({ id: scope.id, today: beijingDay(ctx.now()) });
    const categories = [...new Set(uses.flatMap((u) => u.byCategory.map((f) => f.category!)))].sort() as QuotaCategory[];
    return {
      total: sumQuotaUse(uses.map((u) => u.total)),
      byCategory: categories.map((category) =>
        sumQuotaUse(
          uses.flatMap((u) => u.byCategory.filter((f) => f.category === category)),
          category,
        ),
      ),
      red: uses.filter((u) => u.light === 'RED').length,
      yellow: uses.filter((u) => u.light === 'YELLOW').length,
      green: uses.filter((u) => u.light === 'GREEN').length,
    };
  },

  institutionQuotaUse: async (scope, args, ctx) => {
    const page = readPage(args.first, args.after, 50);
    const uses = (await ctx.loaders.scopeQuotaUse.load({ id: scope.id, today: beijingDay(ctx.now()) }))
      .filter((u) => !args.light || u.light === args.light)
      .sort(
        (a, b) =>
          LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] ||
          b.total.overQuota - a.total.overQuota ||
          (b.vacancyRate ?? 0) - (a.vacancyRate ?? 0) ||
          a.institution.creditCode.localeCompare(b.institution.creditCode),
      );
    return connection(uses.slice(page.offset, page.offset + page.limit + 1), page, () => uses.length);
  },

  ledgerStructure: async (scope, args, ctx) => {
    const asOf = args.asOf ?? beijingDay(ctx.now());
    const codes = (await ctx.loaders.scopeInstitutions.load(scope.id)).map((r) => r.creditCode);
    const by = args.by && args.by !== args.dimension ? args.by : null;
    const rows = await ledgerStructureRows(ctx.db, codes, args.dimension, by, asOf);
    const baseCount = rows.reduce((n, r) => n + Number(r.count), 0);
    return {
      dimension: args.dimension,
      by,
      asOf,
      base: 'IN_QUOTA_STAFF' as const,
      baseCount,
      cells: structureCells(rows, baseCount, { dimension: args.dimension, by }, { QUOTA_CATEGORY: QUOTA_CATEGORY_LABELS }),
    };
  },

  quotaAlerts: async (scope, _, ctx) =>
    quotaAlerts(await ctx.loaders.scopeQuotaUse.load({ id: scope.id, today: beijingDay(ctx.now()) }), rules.IDLE_VACANCY_MONTHS),
};
