import { isGrantLive } from '@hub/schema';
import type { GrantRow } from '../db/queries.ts';
import type { CatalogContext } from '../context.ts';

export const Grant = {
  live: (grant: GrantRow, _: unknown, ctx: CatalogContext) => isGrantLive(grant, ctx.now()),
};
