import { officeContext, type OfficeContext } from '@hub/schema';
import type { CatalogDb } from './db/queries.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/**
 * Per-request context of the coordination group's subgraph; `holidays` are the official non-working
 * days (YYYY-MM-DD) the 10-working-day answer period skips.
 */
export type CatalogContext = OfficeContext<CatalogDb, Loaders> & { holidays?: ReadonlySet<string> };

/** A fresh context per request: loaders are never shared between requests. */
export const createContext = officeContext(createLoaders);
