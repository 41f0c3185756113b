import { beijingDay, ErrorCode } from '@hub/schema';
import type { RequestRow } from '../db/queries.ts';
import type { CatalogContext } from '../context.ts';
import { isOverdue } from '../domain/liveness.ts';
import { mayListRequests } from '../domain/permissions.ts';
import { refuse, requireViewer } from '../domain/refuse.ts';
import { visibleRequests } from './visibleExchanges.ts';

export interface AccessRequestsArgs {
  status?: RequestRow['status'] | null;
  overdue?: boolean | null;
}

/** `Query.accessRequests`: signed-in callers, each seeing what maySeeExchange allows, oldest first. */
export async function accessRequests(ctx: CatalogContext, args: AccessRequestsArgs): Promise<RequestRow[]> {
  const viewer = requireViewer(ctx);
  if (!mayListRequests(viewer)) refuse({ code: ErrorCode.FORBIDDEN, zh: '用人单位填报员不能查看共享申请', en: 'unit operators do not see access requests' });
  const rows = await visibleRequests(ctx, viewer, args.status ?? undefined);
  if (args.overdue == null) return rows;
  const today = beijingDay(ctx.now());
  return rows.filter((r) => isOverdue(r, today) === args.overdue);
}
