import type { GraphQLResolveInfo } from 'graphql';
import type { GrantRow } from '../../catalogStore.ts';
import type { CatalogApiContext } from '../context.ts';
import { isLive } from '../domain/liveness.ts';
import { mayListRequests } from '../domain/permissions.ts';
import { CatalogErrorCode } from '../domain/refusal.ts';
import { refuse, requireViewer } from '../operationLogging.ts';
import { visibleGrants } from './visibleExchanges.ts';

/** `Query.grants`: signed-in callers, each seeing what maySeeExchange allows; `live` filters on isLive now. */
export async function grants(ctx: CatalogApiContext, args: { live?: boolean | null }, info: GraphQLResolveInfo): Promise<GrantRow[]> {
  const viewer = await requireViewer(ctx, info, { ...args });
  if (!mayListRequests(viewer)) {
    return refuse(ctx, info, { code: CatalogErrorCode.FORBIDDEN, zh: '用人单位填报员不能查看授权', en: 'unit operators do not see grants' }, { ...args });
  }
  const rows = await visibleGrants(ctx, viewer);
  if (args.live == null) return rows;
  const now = ctx.now();
  return rows.filter((g) => isLive(g, now) === args.live);
}
