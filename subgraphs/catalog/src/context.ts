import type { AuditRecord, Viewer } from '@hub/schema';
import type { CatalogDb } from './db/queries.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/**
 * Per-request context of the coordination group's subgraph. `now` is a clock so tests can move
 * time; `holidays` are the official non-working days (YYYY-MM-DD) the 10-working-day answer period skips.
 */
export interface CatalogContext {
  db: CatalogDb;
  loaders: Loaders;
  /** Who the gateway vouches for; null for an anonymous (public) caller. */
  viewer: Viewer | null;
  now: () => Date;
  holidays?: ReadonlySet<string>;
  /** What this request's writes changed, before and after, for the gateway's operation log. */
  audit: AuditRecord[];
}

/** A fresh context per request: loaders are never shared between requests. */
export function createContext(db: CatalogDb, viewer: Viewer | null = null, now: () => Date = () => new Date()): CatalogContext {
  return { db, loaders: createLoaders(db), viewer, now, audit: [] };
}
