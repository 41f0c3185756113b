import type { AuditRecord, Viewer } from '@hub/schema';
import type { FinanceDb } from './db/queries.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface FinanceContext {
  db: FinanceDb;
  loaders: Loaders;
  /** Who the gateway vouches for; null for a public caller. A UNIT_OPERATOR sees only viewer.unit's rows. */
  viewer: Viewer | null;
  /** Rows this request's writes changed, before and after, for the gateway's operation log. */
  audit: AuditRecord[];
}

/** A fresh context per request: loaders are never shared between requests. */
export function createContext(db: FinanceDb, viewer: Viewer | null = null): FinanceContext {
  return { db, loaders: createLoaders(db), viewer, audit: [] };
}
