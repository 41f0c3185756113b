import { officeContext, type OfficeContext } from '@hub/schema';
import type { OrganizationDb } from './db/queries.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** The Organization Department's (组织部) per-request context. */
export type OrganizationContext = OfficeContext<OrganizationDb, Loaders>;

/** A fresh context per request: loaders are never shared between requests. */
export const createContext = officeContext(createLoaders);
