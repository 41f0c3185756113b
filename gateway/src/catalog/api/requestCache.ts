import type { GrantRow, RequestRow, VersionRow } from '../catalogStore.ts';
import type { CatalogApiContext } from './context.ts';

interface Cache {
  grants?: Promise<GrantRow[]>;
  pending?: Promise<RequestRow[]>;
  versions: Map<string, Promise<VersionRow[]>>;
}

/**
 * Per-request reads behind the entry and request types, so a list of N entries costs one query for
 * their grants and one for their pending requests, not N each (there is no DataLoader in the gateway's
 * dependencies; these tables are small and read whole). Keyed by the context object, which Apollo
 * makes once per operation. A mutation calls `forget` after it writes, so what it returns is fresh.
 */
const caches = new WeakMap<CatalogApiContext, Cache>();

function cacheOf(ctx: CatalogApiContext): Cache {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = { versions: new Map() }));
  return cache;
}

/** Every grant, revoked and expired ones included. */
export const allGrants = (ctx: CatalogApiContext) => (cacheOf(ctx).grants ??= ctx.store.grants({}));

/** Every pending request. */
export const pendingRequests = (ctx: CatalogApiContext) => (cacheOf(ctx).pending ??= ctx.store.requests({ status: 'PENDING' }));

/**
 * An entry's versions, newest first. One query per entry asked for: the store reads versions by one
 * code only, and they are asked for one entry at a time in practice (a history page).
 */
export function entryVersions(ctx: CatalogApiContext, code: string): Promise<VersionRow[]> {
  const { versions } = cacheOf(ctx);
  let rows = versions.get(code);
  if (!rows) versions.set(code, (rows = ctx.store.entryVersions(code)));
  return rows;
}

export function forget(ctx: CatalogApiContext): void {
  caches.delete(ctx);
}
