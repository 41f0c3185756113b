import { officeDatabase } from '@hub/schema';
import * as schema from './schema.ts';

/** Finance's database: its own Postgres schema `finance`, on either driver. */
export const openFinanceDatabase = officeDatabase({ schema, schemaName: 'finance', migrationsFolder: new URL('../../drizzle', import.meta.url) });
