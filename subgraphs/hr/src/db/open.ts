import { fileURLToPath } from 'node:url';
import { openDatabase } from '@hub/schema';
import * as schema from './schema.ts';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** HR's database: its own Postgres schema `hr`, on either driver. */
export const openHrDatabase = (options: { url?: string | undefined; dataDir?: string | undefined }) =>
  openDatabase({ ...options, schema, schemaName: 'hr', migrationsFolder });
