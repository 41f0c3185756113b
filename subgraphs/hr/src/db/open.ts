import { officeDatabase } from '@hub/schema';
import * as schema from './schema.ts';

/** HR's database: its own Postgres schema `hr`, on either driver. */
export const openHrDatabase = officeDatabase({ schema, schemaName: 'hr', migrationsFolder: new URL('../../drizzle', import.meta.url) });
