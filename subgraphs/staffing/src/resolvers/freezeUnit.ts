import type { StaffingContext } from '../context.ts';
import type { MutationFreezeUnitArgs } from '../generated/resolvers.ts';
import { changeUnitFreeze } from './changeUnitFreeze.ts';

/** 冻结编制业务: no hiring application or approval for the unit until it is unfrozen (changeUnitFreeze.ts). */
export const freezeUnit = (_: unknown, { input }: MutationFreezeUnitArgs, ctx: StaffingContext) => changeUnitFreeze('FREEZE', input, ctx);
