import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadOrCreateDevKey } from '@hub/schema';

/** The hub's data folder (DATA_DIR, default data/); this office's PGlite lives in its subfolder. */
const dataRoot = process.env.DATA_DIR || fileURLToPath(new URL('../../../data', import.meta.url));

/**
 * The environment, read once. DATABASE_URL selects a real PostgreSQL; otherwise PGlite in <DATA_DIR>/organization.
 * SUBGRAPH_SECRET must equal the gateway's; locally both fall back to the same development key file.
 */
export const config = Object.freeze({
  port: Number(process.env.PORT ?? 4001),
  host: process.env.HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: join(dataRoot, 'organization'),
  secret: process.env.SUBGRAPH_SECRET || loadOrCreateDevKey(join(dataRoot, 'keys', 'subgraph.key')),
});
