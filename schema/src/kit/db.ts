import { mkdirSync } from 'node:fs';
import type { Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { tracePglite, tracePostgres } from './observability/traceSql.ts';
import { lockFolder } from './folderLock.ts';
import { hubTracer } from './observability/tracing.ts';

/** The drizzle database both drivers give: the subgraphs' code is written once against this. */
export type Db<TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema>;

export interface DatabaseOptions<TSchema extends Record<string, unknown>> {
  /** A PostgreSQL URL: the real server, through postgres.js. */
  url?: string | undefined;
  /** Without a URL: the embedded PostgreSQL (PGlite) kept in this folder; in memory when absent. */
  dataDir?: string | undefined;
  /** The office's Postgres schema; its migrations are recorded in drizzle.<schemaName>_migrations. */
  schemaName: string;
  /** The drizzle tables. */
  schema: TSchema;
  /** The folder of committed drizzle migrations. */
  migrationsFolder: string;
  /** Connections in the pool (postgres.js only; PGlite has one). */
  maxConnections?: number;
}

export interface Database<TSchema extends Record<string, unknown>> {
  db: Db<TSchema>;
  kind: 'pglite' | 'postgres';
  /** SQL statements sent since the start: the N+1 tests and benchmarks read it. */
  readonly statements: { count: number };
  migrate(): Promise<void>;
  /** One round trip (`select 1`), not counted in `statements`: a readiness probe asks whether the database answers. */
  ping(): Promise<void>;
  /**
   * Fresh planner statistics for the office's own tables (ANALYZE), not counted in `statements`: run
   * after a bulk load (the demo city), since PGlite has no autovacuum and a server's may be off or not
   * yet round. Without statistics a prepared statement's plan guesses: HR's 808-row workforce page
   * scanned both its tables under the generic plan (14.8 ms against 5.2 ms with an index).
   */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

/** `analyze a.b, a.c, …` over the tables of one schema, their names quoted by the server, or null when it has none. */
const ANALYZE_TABLES = `select string_agg(quote_ident(schemaname) || '.' || quote_ident(tablename), ', ' order by tablename) as names from pg_tables where schemaname = $1`;

/** Opens an office's database on either driver and counts every statement sent through drizzle. */
export async function openDatabase<TSchema extends Record<string, unknown>>(options: DatabaseOptions<TSchema>): Promise<Database<TSchema>> {
  const database = await openUnqueued(options);
  // Migrations through one handle run one after another; across processes the advisory lock orders them.
  let queue: Promise<void> = Promise.resolve();
  const migrate = database.migrate;
  database.migrate = () => (queue = queue.catch(() => {}).then(migrate));
  return database;
}

async function openUnqueued<TSchema extends Record<string, unknown>>(options: DatabaseOptions<TSchema>): Promise<Database<TSchema>> {
  const statements = { count: 0 };
  const logger: Logger = { logQuery: () => void statements.count++ };
  const migrationConfig = {
    migrationsFolder: options.migrationsFolder,
    // Not the office's schema: its first migration creates that schema itself.
    migrationsSchema: 'drizzle',
    migrationsTable: `${options.schemaName}_migrations`,
  };
  // With tracing on, every statement is a span under the request that sent it (off: the clients as they are).
  const tracer = hubTracer();
  if (options.url) {
    const opened = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: `hub-${options.schemaName}` },
    });
    const client = tracer ? tracePostgres(opened, tracer, options.schemaName) : opened;
    const db = drizzlePostgres({ client, schema: options.schema, logger });
    return {
      db: db as unknown as Db<TSchema>,
      kind: 'postgres',
      statements,
      async migrate() {
        // drizzle's migrate() takes no lock: several subgraphs starting on one server would collide
        // (CREATE SCHEMA, the migrations table). A session-level advisory lock held on a reserved
        // connection serialises them across processes.
        const lockConnection = await client.reserve();
        try {
          await lockConnection`select pg_advisory_lock(hashtext('hub-migrations'))`;
          await migratePostgres(db, migrationConfig);
        } finally {
          await lockConnection`select pg_advisory_unlock(hashtext('hub-migrations'))`.catch(() => {});
          lockConnection.release();
        }
      },
      ping: async () => void (await client`select 1`),
      async analyze() {
        const [row] = await client.unsafe<{ names: string | null }[]>(ANALYZE_TABLES, [options.schemaName]);
        if (row?.names) await client.unsafe(`analyze ${row.names}`);
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // The embedded database and its drizzle driver are loaded only here: a process on PostgreSQL does without them.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  // One process at a time in a folder: a second would write the same files under the first.
  const unlock = options.dataDir ? lockFolder(options.dataDir) : () => {};
  const pglite = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await pglite.waitReady.catch((error: unknown) => {
    unlock();
    throw error;
  });
  const client = tracer ? tracePglite(pglite, tracer, options.schemaName) : pglite;
  const db = drizzlePglite({ client, schema: options.schema, logger });
  return {
    db: db as unknown as Db<TSchema>,
    kind: 'pglite',
    statements,
    migrate: () => migratePglite(db, migrationConfig),
    ping: async () => void (await pglite.query('select 1')),
    async analyze() {
      const { rows } = await pglite.query<{ names: string | null }>(ANALYZE_TABLES, [options.schemaName]);
      if (rows[0]?.names) await pglite.exec(`analyze ${rows[0].names}`);
    },
    close: async () => {
      try {
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}
