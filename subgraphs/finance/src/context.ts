import type { FinanceDb } from './db/queries.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface FinanceContext {
  db: FinanceDb;
  loaders: Loaders;
}

/** A fresh context per request: loaders are never shared between requests. */
export function createContext(db: FinanceDb): FinanceContext {
  return { db, loaders: createLoaders(db) };
}
