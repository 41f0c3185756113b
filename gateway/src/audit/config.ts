import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The audit tools' environment, read once. DATABASE_URL selects a real PostgreSQL. Otherwise the
 * gateway's PGlite lives in `<DATA_DIR>/catalog`; DATA_DIR is the hub's data folder, as for
 * `pnpm start` (default data/), so the same DATA_DIR finds the same log. OPERATION_LOG_KEY is the
 * operation log's HMAC key; without it the development key in `<DATA_DIR>/keys/operation-log.key`,
 * the file gateway/src/config.ts names, so that the CLI checks with the key the gateway signs with.
 */
const dataRoot = process.env.DATA_DIR || fileURLToPath(new URL('../../../data', import.meta.url));

export const auditConfig = Object.freeze({
  databaseUrl: process.env.DATABASE_URL || undefined,
  /** The gateway's PGlite folder. */
  dataDir: join(dataRoot, 'catalog'),
  operationLogKey: process.env.OPERATION_LOG_KEY || undefined,
  devKeyPath: join(dataRoot, 'keys', 'operation-log.key'),
});
