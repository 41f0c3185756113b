import { fileURLToPath } from 'node:url';
import { openDatabase } from '@hub/schema';
import * as schema from './schema.ts';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** The coordination group's database: its own Postgres schema `catalog`, on either driver. */
export const openCatalogDatabase = (options: { url?: string | undefined; dataDir?: string | undefined }) =>
  openDatabase({ ...options, schema, schemaName: 'catalog', migrationsFolder });
