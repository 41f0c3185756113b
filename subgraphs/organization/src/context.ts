import type { OrganizationDb } from './db/queries.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface OrganizationContext {
  db: OrganizationDb;
  loaders: Loaders;
}

/** A fresh context per request: loaders are never shared between requests. */
export function createContext(db: OrganizationDb): OrganizationContext {
  return { db, loaders: createLoaders(db) };
}
