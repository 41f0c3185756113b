import type { StaffingContext } from '../context.ts';
import { scopeConditions } from '../domain/scopeId.ts';
import type { QueryStaffScopeArgs } from '../generated/resolvers.ts';
import type { StaffScopeParent } from './mappers.ts';
import { scopeParent } from './scopeParent.ts';

/** 统计范围: the scope the conditions describe (the whole city without any). */
export function findStaffScope(_: unknown, args: QueryStaffScopeArgs, ctx: StaffingContext): StaffScopeParent {
  return scopeParent(scopeConditions(args.scope ?? {}), ctx.viewer);
}
