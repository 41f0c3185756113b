import type { GrantRow } from '../../catalogStore.ts';
import type { CatalogApiContext } from '../context.ts';
import { isLive } from '../domain/liveness.ts';

export const Grant = {
  live: (grant: GrantRow, _: unknown, ctx: CatalogApiContext) => isLive(grant, ctx.now()),
};
