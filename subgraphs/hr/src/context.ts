import type { HrDb } from './db/queries.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface HrContext {
  db: HrDb;
  loaders: Loaders;
}

/** A fresh context per request: loaders are never shared between requests. */
export function createContext(db: HrDb): HrContext {
  return { db, loaders: createLoaders(db) };
}
