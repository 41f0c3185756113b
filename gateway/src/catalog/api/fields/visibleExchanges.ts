import type { Viewer } from '../../../identity/viewer.ts';
import type { GrantRow, RequestRow } from '../../catalogStore.ts';
import type { CatalogApiContext } from '../context.ts';
import { seesAllRequests } from '../domain/permissions.ts';

const byId = <T extends { id: number }>(...lists: T[][]) => [...new Map(lists.flat().map((row) => [row.id, row])).values()].sort((a, b) => a.id - b.id);

/** Codes of the entries the viewer's office provides. */
async function providedCodes(ctx: CatalogApiContext, viewer: Viewer): Promise<string[]> {
  const { entries } = await ctx.store.snapshot();
  return [...entries.values()].filter((e) => e.providerOffice === viewer.office).map((e) => e.code);
}

/** Requests the viewer may see (see maySeeExchange): all, or those its office made or provides. */
export async function visibleRequests(ctx: CatalogApiContext, viewer: Viewer, status?: RequestRow['status']): Promise<RequestRow[]> {
  if (seesAllRequests(viewer)) return ctx.store.requests({ status });
  const provided = await providedCodes(ctx, viewer);
  const [made, received] = await Promise.all([
    ctx.store.requests({ status, requesterOffice: viewer.office }),
    provided.length ? ctx.store.requests({ status, entryCodes: provided }) : [],
  ]);
  return byId(made, received);
}

/** Grants the viewer may see: all, or those its office holds or provides. */
export async function visibleGrants(ctx: CatalogApiContext, viewer: Viewer): Promise<GrantRow[]> {
  if (seesAllRequests(viewer)) return ctx.store.grants({});
  const provided = await providedCodes(ctx, viewer);
  const [held, given] = await Promise.all([
    ctx.store.grants({ granteeOffice: viewer.office }),
    provided.length ? ctx.store.grants({ entryCodes: provided }) : [],
  ]);
  return byId(held, given);
}
