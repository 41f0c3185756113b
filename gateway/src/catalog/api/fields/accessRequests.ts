import type { GraphQLResolveInfo } from 'graphql';
import type { RequestRow } from '../../catalogStore.ts';
import type { CatalogApiContext } from '../context.ts';
import { chinaToday } from '../domain/chinaDay.ts';
import { isOverdue } from '../domain/liveness.ts';
import { mayListRequests } from '../domain/permissions.ts';
import { CatalogErrorCode } from '../domain/refusal.ts';
import { refuse, requireViewer } from '../operationLogging.ts';
import { visibleRequests } from './visibleExchanges.ts';

export interface AccessRequestsArgs {
  status?: RequestRow['status'] | null;
  overdue?: boolean | null;
}

/** `Query.accessRequests`: signed-in callers, each seeing what maySeeExchange allows, oldest first. */
export async function accessRequests(ctx: CatalogApiContext, args: AccessRequestsArgs, info: GraphQLResolveInfo): Promise<RequestRow[]> {
  const viewer = await requireViewer(ctx, info, { ...args });
  if (!mayListRequests(viewer)) {
    return refuse(ctx, info, { code: CatalogErrorCode.FORBIDDEN, zh: '用人单位填报员不能查看共享申请', en: 'unit operators do not see access requests' }, { ...args });
  }
  const rows = await visibleRequests(ctx, viewer, args.status ?? undefined);
  if (args.overdue == null) return rows;
  const today = chinaToday(ctx.now());
  return rows.filter((r) => isOverdue(r, today) === args.overdue);
}
