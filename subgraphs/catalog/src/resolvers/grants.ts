import { ErrorCode } from '@hub/schema';
import { isGrantLive } from '@hub/schema/contracts';
import type { GrantRow } from '../db/queries.ts';
import type { CatalogContext } from '../context.ts';
import { mayListRequests } from '../domain/permissions.ts';
import { refuse, requireViewer } from '../domain/refuse.ts';
import { visibleGrants } from './visibleExchanges.ts';

/** `Query.grants`: signed-in callers, each seeing what maySeeExchange allows; `live` filters on liveness now. */
export async function grants(ctx: CatalogContext, args: { live?: boolean | null }): Promise<GrantRow[]> {
  const viewer = requireViewer(ctx);
  if (!mayListRequests(viewer)) refuse({ code: ErrorCode.FORBIDDEN, zh: '用人单位填报员不能查看授权', en: 'unit operators do not see grants' });
  const rows = await visibleGrants(ctx, viewer);
  if (args.live == null) return rows;
  const now = ctx.now();
  return rows.filter((g) => isGrantLive(g, now) === args.live);
}
