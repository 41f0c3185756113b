import { officeDatabase } from '@hub/schema';
import * as schema from './schema.ts';

/** The Staffing Office's database: its own Postgres schema `staffing`, on either driver. */
export const openStaffingDatabase = officeDatabase({ schema, schemaName: 'staffing', migrationsFolder: new URL('../../drizzle', import.meta.url) });
