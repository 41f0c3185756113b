import { officeDatabase, type Db } from '@hub/schema';
import * as schema from './schema.ts';

export type GatewayDb = Db<typeof schema>;

/** The gateway's own database (the operation log): Postgres schema `gateway`, either driver. */
export const openGatewayDatabase = officeDatabase({ schema, schemaName: 'gateway', migrationsFolder: new URL('../../drizzle', import.meta.url) });
