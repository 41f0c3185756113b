import type { StaffingContext } from '../context.ts';
import type { MutationUnfreezeUnitArgs } from '../generated/resolvers.ts';
import { changeUnitFreeze } from './changeUnitFreeze.ts';

/** 解冻编制业务: the unit's freeze in force ends, with a reason and a document number (changeUnitFreeze.ts). */
export const unfreezeUnit = (_: unknown, { input }: MutationUnfreezeUnitArgs, ctx: StaffingContext) => changeUnitFreeze('UNFREEZE', input, ctx);
