import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreateDevKey } from './devKey.ts';
import { SUBGRAPHS, type ServiceName } from '../contracts/subgraphs.ts';

/**
 * An office subgraph's configuration from an environment (each subgraph's config.ts passes
 * process.env, the one place it is read). DATABASE_URL selects a real PostgreSQL; otherwise PGlite in
 * <DATA_DIR>/<office>. SUBGRAPH_SECRET must equal the gateway's; locally both fall back to the same
 * development key file.
 */
export function readSubgraphConfig(office: ServiceName, env: Record<string, string | undefined>) {
  const dataRoot = env.DATA_DIR || fileURLToPath(new URL('../../../data', import.meta.url));
  return Object.freeze({
    port: Number(env.PORT ?? SUBGRAPHS.find((s) => s.name === office)!.port),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: join(dataRoot, office),
    secret: env.SUBGRAPH_SECRET || loadOrCreateDevKey(join(dataRoot, 'keys', 'subgraph.key')),
  });
}
