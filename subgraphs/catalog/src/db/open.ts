import { officeDatabase } from '@hub/schema';
import * as schema from './schema.ts';

/** The coordination group's database: its own Postgres schema `catalog`, on either driver. */
export const openCatalogDatabase = officeDatabase({ schema, schemaName: 'catalog', migrationsFolder: new URL('../../drizzle', import.meta.url) });
