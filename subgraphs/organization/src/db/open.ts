import { officeDatabase } from '@hub/schema';
import * as schema from './schema.ts';

/** The Organization Department's database: its own Postgres schema `organization`, on either driver. */
export const openOrganizationDatabase = officeDatabase({ schema, schemaName: 'organization', migrationsFolder: new URL('../../drizzle', import.meta.url) });
