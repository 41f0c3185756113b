import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadOrCreateDevKey } from '@hub/schema';

const dataRoot = process.env.DATA_ROOT ?? fileURLToPath(new URL('../../../data', import.meta.url));

/**
 * The environment, read once. DATABASE_URL selects a real PostgreSQL; otherwise PGlite under DATA_DIR.
 * SUBGRAPH_SECRET must equal the gateway's; locally both fall back to the same development key file.
 */
export const config = Object.freeze({
  port: Number(process.env.PORT ?? 4003),
  host: process.env.HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR ?? join(dataRoot, 'hr'),
  secret: process.env.SUBGRAPH_SECRET || loadOrCreateDevKey(join(dataRoot, 'keys', 'subgraph.key')),
});
