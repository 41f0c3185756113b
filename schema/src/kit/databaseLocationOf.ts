import { join } from 'node:path';
import type { DatabaseLocation } from './officeDatabase.ts';
import { readEnv, SERVER_SETTINGS, setting } from './readEnv.ts';

/**
 * Where one service keeps its data, from an environment: `<SERVICE>_DATABASE_URL` (STAFFING_DATABASE_URL,
 * GATEWAY_DATABASE_URL …) when set, so that one environment file can give each office a database of its
 * own; else the shared DATABASE_URL (each service in its own Postgres schema); else PGlite in
 * <DATA_DIR>/<service>. A bad value throws a ConfigError naming it.
 */
export function databaseLocationOf(service: string, env: Record<string, string | undefined>): DatabaseLocation & { dataDir: string } {
  const own = `${service.toUpperCase()}_DATABASE_URL`;
  const settings = readEnv(
    {
      [own]: setting.text(),
      DATABASE_URL: SERVER_SETTINGS.DATABASE_URL,
      DATA_DIR: SERVER_SETTINGS.DATA_DIR,
      DATABASE_MAX_CONNECTIONS: SERVER_SETTINGS.DATABASE_MAX_CONNECTIONS,
    },
    env,
  );
  return {
    url: (settings[own] as string | undefined) ?? settings.DATABASE_URL,
    dataDir: join(settings.DATA_DIR, service),
    maxConnections: settings.DATABASE_MAX_CONNECTIONS as number,
  };
}
