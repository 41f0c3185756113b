import { join } from 'node:path';
import { databaseLocationOf } from './databaseLocationOf.ts';
import { loadOrCreateDevKey } from './devKey.ts';
import { portNumber, readEnv, SERVER_SETTINGS, setting } from './readEnv.ts';
import { SERVICE_SUBGRAPHS, type ServiceName } from '../contracts/subgraphs.ts';

/**
 * An office subgraph's configuration from an environment (each subgraph's config.ts passes
 * process.env, the one place it is read): `<OFFICE>_PORT` (STAFFING_PORT …), else PORT, else the
 * office's default port; its database as databaseLocationOf reads it (`<OFFICE>_DATABASE_URL`, else
 * DATABASE_URL, else PGlite in <DATA_DIR>/<office>); then the settings every server shares.
 * SUBGRAPH_SECRET must equal the gateway's; locally both fall back to the same development key file.
 * A bad value throws a ConfigError naming it.
 */
export function readSubgraphConfig(office: ServiceName, env: Record<string, string | undefined>) {
  const ownPort = `${office.toUpperCase()}_PORT`;
  const fallbackPort = SERVICE_SUBGRAPHS.find((s) => s.name === office)!.port;
  const own = readEnv({ [ownPort]: portNumber.optional() }, env);
  const settings = readEnv({ PORT: setting.port(fallbackPort), ...SERVER_SETTINGS }, env);
  const port = own[ownPort];
  const database = databaseLocationOf(office, env);
  return Object.freeze({
    port: port ?? settings.PORT,
    host: settings.HOST,
    databaseUrl: database.url,
    dataDir: database.dataDir,
    maxConnections: database.maxConnections,
    secret: settings.SUBGRAPH_SECRET ?? loadOrCreateDevKey(join(settings.DATA_DIR, 'keys', 'subgraph.key')),
  });
}
