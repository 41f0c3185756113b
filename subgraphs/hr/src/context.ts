import { officeContext, type OfficeContext } from '@hub/schema';
import type { HrDb } from './db/queries.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** HR's (人社局) per-request context. */
export type HrContext = OfficeContext<HrDb, Loaders>;

/** A fresh context per request: loaders are never shared between requests. */
export const createContext = officeContext(createLoaders);
