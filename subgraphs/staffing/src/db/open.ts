import { fileURLToPath } from 'node:url';
import { openDatabase } from '@hub/schema';
import * as schema from './schema.ts';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** The Staffing Office's database: its own Postgres schema `staffing`, on either driver. */
export const openStaffingDatabase = (options: { url?: string | undefined; dataDir?: string | undefined }) =>
  openDatabase({ ...options, schema, schemaName: 'staffing', migrationsFolder });
