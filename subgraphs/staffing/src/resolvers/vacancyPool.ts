import type { StaffingContext } from '../context.ts';
import { vacancyPoolRows } from '../db/dynamicQueries.ts';

/** 空编集中管理池: what the pool holds per category and level (rows at 0 stay listed once used). */
export const vacancyPool = (_: unknown, __: unknown, ctx: StaffingContext) => vacancyPoolRows(ctx.db);
