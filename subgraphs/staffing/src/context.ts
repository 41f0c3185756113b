import type { StaffingDb } from './db/queries.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface StaffingContext {
  db: StaffingDb;
  loaders: Loaders;
}

/** A fresh context per request: loaders are never shared between requests. */
export function createContext(db: StaffingDb): StaffingContext {
  return { db, loaders: createLoaders(db) };
}
