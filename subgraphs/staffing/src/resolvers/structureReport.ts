import { beijingDay, ErrorCode, hubError } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { scopeConditions } from '../domain/scopeId.ts';
import type { QueryStructureReportArgs } from '../generated/resolvers.ts';
import type { StructureReportParent } from './mappers.ts';
import { scopeParent } from './scopeParent.ts';

/** 财政供养: institutions funded by the budget, fully or partially. */
const BUDGET_PAID = ['FULL', 'PARTIAL'] as const;

/**
 * 年度机构编制人员结构报告: the scopes of the report on the budget-paid staff (全额、差额拨款单位), the
 * city first, then each level, each kind and the politics-and-law system. Its tables are the other
 * offices' statistics over these scopes (HR's structure of the in-quota staff by age, gender,
 * education and title), asked for in the same query; the report is only their arrangement.
 */
export function structureReport(_: unknown, args: QueryStructureReportArgs, ctx: StaffingContext): StructureReportParent {
  const today = beijingDay(ctx.now());
  const year = args.year ?? Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 1949 || year > 2200)
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'year', '年度应为 1949 到 2200 之间的整数', 'year must be a whole number from 1949 to 2200');
  const asOf = args.asOf ?? (year === Number(today.slice(0, 4)) ? today : `${year}-12-31`);
  const scopes = [
    {},
    { level: 'CITY' },
    { level: 'DISTRICT' },
    { level: 'TOWNSHIP' },
    { kind: 'PARTY_ORGAN' },
    { kind: 'GOVERNMENT_ORGAN' },
    { kind: 'PUBLIC_INSTITUTION' },
    { kind: 'MASS_ORGANIZATION' },
    { system: 'POLITICS_AND_LAW' },
  ].map((c) => scopeParent(scopeConditions({ ...c, fundingForms: [...BUDGET_PAID] }), ctx.viewer));
  return { year, asOf, title: `${year}年度财政供养人员结构分析报告`, scopes };
}
