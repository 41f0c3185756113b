import { forbiddenUnit, inUnitScope } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import type { QueryStaffingCardArgs } from '../generated/resolvers.ts';

/** 编制卡查询: one card by its number, the proof of being in quota that HR and Finance cite; a unit operator sees its own unit's cards only. */
export async function staffingCardByNumber(_: unknown, args: QueryStaffingCardArgs, ctx: StaffingContext) {
  const card = await ctx.loaders.staffingCardByNumber.load(args.number.trim());
  if (card && !inUnitScope(ctx.viewer, card.institutionCreditCode)) throw forbiddenUnit('number');
  return card;
}
