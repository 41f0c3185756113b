import type { AuditRecord, Viewer } from '@hub/schema';
import type { HrDb } from './db/queries.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface HrContext {
  db: HrDb;
  loaders: Loaders;
  /** Who the gateway vouches for; null for a public caller. A UNIT_OPERATOR sees only viewer.unit's rows. */
  viewer: Viewer | null;
  /** Rows this request's writes changed, before and after, for the gateway's operation log. */
  audit: AuditRecord[];
}

/** A fresh context per request: loaders are never shared between requests. */
export function createContext(db: HrDb, viewer: Viewer | null = null): HrContext {
  return { db, loaders: createLoaders(db), viewer, audit: [] };
}
