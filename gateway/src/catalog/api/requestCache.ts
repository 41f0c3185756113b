import DataLoader from 'dataloader';
import { manyByKey } from '@hub/schema';
import type { GrantRow, RequestRow, VersionRow } from '../catalogStore.ts';
import type { CatalogApiContext } from './context.ts';

interface Cache {
  grants?: Promise<GrantRow[]>;
  pending?: Promise<RequestRow[]>;
  versions: DataLoader<string, VersionRow[]>;
}

/**
 * Per-request reads behind the entry and request types, so a list of N entries costs one query for
 * their grants, one for their pending requests and one for their versions, not N each. Keyed by the context object, which Apollo
 * makes once per operation. A mutation calls `forget` after it writes, so what it returns is fresh.
 */
const caches = new WeakMap<CatalogApiContext, Cache>();

function cacheOf(ctx: CatalogApiContext): Cache {
  let cache = caches.get(ctx);
  if (!cache) {
    const versions = new DataLoader(async (codes: readonly string[]) => manyByKey(codes, await ctx.store.versionsOfEntries(codes), (v) => v.entryCode));
    caches.set(ctx, (cache = { versions }));
  }
  return cache;
}

/** Every grant, revoked and expired ones included. */
export const allGrants = (ctx: CatalogApiContext) => (cacheOf(ctx).grants ??= ctx.store.grants({}));

/** Every pending request. */
export const pendingRequests = (ctx: CatalogApiContext) => (cacheOf(ctx).pending ??= ctx.store.requests({ status: 'PENDING' }));

/** An entry's versions, newest first, batched across the entries of one request. */
export const entryVersions = (ctx: CatalogApiContext, code: string): Promise<VersionRow[]> => cacheOf(ctx).versions.load(code);

export function forget(ctx: CatalogApiContext): void {
  caches.delete(ctx);
}
