import { fileURLToPath } from 'node:url';
import { openDatabase } from '@hub/schema';
import * as schema from './schema.ts';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** The Organization Department's database: its own Postgres schema `organization`, on either driver. */
export const openOrganizationDatabase = (options: { url?: string | undefined; dataDir?: string | undefined }) =>
  openDatabase({ ...options, schema, schemaName: 'organization', migrationsFolder });
