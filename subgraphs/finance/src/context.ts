import { officeContext, type OfficeContext } from '@hub/schema';
import type { FinanceDb } from './db/queries.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** Finance's (财政局) per-request context. */
export type FinanceContext = OfficeContext<FinanceDb, Loaders>;

/** A fresh context per request: loaders are never shared between requests. */
export const createContext = officeContext(createLoaders);
