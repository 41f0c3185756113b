import { officeContext, type OfficeContext } from '@hub/schema';
import type { StaffingDb } from './db/queries.ts';
import { createAllLoaders, type Loaders } from './loaders.ts';

/** The Staffing Office's (编办) per-request context. */
export type StaffingContext = OfficeContext<StaffingDb, Loaders>;

/** A fresh context per request: loaders are never shared between requests. */
export const createContext = officeContext(createAllLoaders);
