import { fileURLToPath } from 'node:url';

/** The environment, read once. DATABASE_URL selects a real PostgreSQL; otherwise PGlite under DATA_DIR. */
export const config = Object.freeze({
  port: Number(process.env.PORT ?? 4001),
  host: process.env.HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR ?? fileURLToPath(new URL('../../../data/organization', import.meta.url)),
});
