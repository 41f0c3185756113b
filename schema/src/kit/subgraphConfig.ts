import { join } from 'node:path';
import { loadOrCreateDevKey } from './devKey.ts';
import { readEnv, SERVER_SETTINGS, setting } from './readEnv.ts';
import { SERVICE_SUBGRAPHS, type ServiceName } from '../contracts/subgraphs.ts';

/**
 * An office subgraph's configuration from an environment (each subgraph's config.ts passes
 * process.env, the one place it is read): PORT (the office's default port), then the settings every
 * server shares. DATABASE_URL selects a real PostgreSQL; otherwise PGlite in <DATA_DIR>/<office>.
 * SUBGRAPH_SECRET must equal the gateway's; locally both fall back to the same development key file.
 * A bad value throws a ConfigError naming it.
 */
export function readSubgraphConfig(office: ServiceName, env: Record<string, string | undefined>) {
  const settings = readEnv({ PORT: setting.port(SERVICE_SUBGRAPHS.find((s) => s.name === office)!.port), ...SERVER_SETTINGS }, env);
  return Object.freeze({
    port: settings.PORT,
    host: settings.HOST,
    databaseUrl: settings.DATABASE_URL,
    dataDir: join(settings.DATA_DIR, office),
    secret: settings.SUBGRAPH_SECRET ?? loadOrCreateDevKey(join(settings.DATA_DIR, 'keys', 'subgraph.key')),
  });
}
