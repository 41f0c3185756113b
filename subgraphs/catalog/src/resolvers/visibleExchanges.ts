import type { Viewer } from '@hub/schema';
import * as q from '../db/queries.ts';
import type { GrantRow, RequestRow } from '../db/queries.ts';
import type { CatalogContext } from '../context.ts';
import { seesAllRequests } from '../domain/permissions.ts';

const byId = <T extends { id: number }>(...lists: T[][]) => [...new Map(lists.flat().map((row) => [row.id, row])).values()].sort((a, b) => a.id - b.id);

/** Codes of the entries the viewer's office provides. */
async function providedCodes(ctx: CatalogContext, viewer: Viewer): Promise<string[]> {
  return [...(await ctx.loaders.entries.load()).values()].filter((e) => e.providerOffice === viewer.office).map((e) => e.code);
}

/** Requests the viewer may see (see maySeeExchange): all, or those its office made or provides. */
export async function visibleRequests(ctx: CatalogContext, viewer: Viewer, status?: RequestRow['status']): Promise<RequestRow[]> {
  if (seesAllRequests(viewer)) return q.requests(ctx.db, { status });
  const provided = await providedCodes(ctx, viewer);
  const [made, received] = await Promise.all([
    q.requests(ctx.db, { status, requesterOffice: viewer.office }),
    provided.length ? q.requests(ctx.db, { status, entryCodes: provided }) : [],
  ]);
  return byId(made, received);
}

/** Grants the viewer may see: all, or those its office holds or provides. */
export async function visibleGrants(ctx: CatalogContext, viewer: Viewer): Promise<GrantRow[]> {
  if (seesAllRequests(viewer)) return ctx.loaders.allGrants.load();
  const provided = await providedCodes(ctx, viewer);
  const [held, given] = await Promise.all([
    q.grantsWhere(ctx.db, { granteeOffice: viewer.office }),
    provided.length ? q.grantsWhere(ctx.db, { entryCodes: provided }) : [],
  ]);
  return byId(held, given);
}
