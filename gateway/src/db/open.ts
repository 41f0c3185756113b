import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '@hub/schema';
import * as schema from './schema.ts';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type GatewayDb = Db<typeof schema>;

/** The gateway's own database (the operation log): Postgres schema `gateway`, either driver. */
export const openGatewayDatabase = (options: { url?: string | undefined; dataDir?: string | undefined }) =>
  openDatabase({ ...options, schema, schemaName: 'gateway', migrationsFolder });
