import { fileURLToPath } from 'node:url';
import { openDatabase } from '@hub/schema';
import * as schema from './schema.ts';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Finance's database: its own Postgres schema `finance`, on either driver. */
export const openFinanceDatabase = (options: { url?: string | undefined; dataDir?: string | undefined }) =>
  openDatabase({ ...options, schema, schemaName: 'finance', migrationsFolder });
