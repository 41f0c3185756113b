import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from './db.ts';

/** Where a service's database lives: a PostgreSQL URL, else an embedded data folder (in memory without either). */
export interface DatabaseLocation {
  url?: string | undefined;
  dataDir?: string | undefined;
  /** PostgreSQL only: the pool's size (DATABASE_MAX_CONNECTIONS, 10). */
  maxConnections?: number | undefined;
}

/**
 * A service's database opener, naming only what is its own: its drizzle tables, its Postgres schema
 * and its committed migrations (a folder, or its URL beside the code: `new URL('../../drizzle', import.meta.url)`).
 */
export function officeDatabase<TSchema extends Record<string, unknown>>(own: { schema: TSchema; schemaName: string; migrationsFolder: string | URL }) {
  const migrationsFolder = typeof own.migrationsFolder === 'string' ? own.migrationsFolder : fileURLToPath(own.migrationsFolder);
  return (location: DatabaseLocation): Promise<Database<TSchema>> =>
    openDatabase({ ...location, schema: own.schema, schemaName: own.schemaName, migrationsFolder });
}
