import { config as gatewayConfig } from '@hub/gateway/config';
import { ConfigError } from './configError.ts';
import { parsePort, parseSubgraphPorts } from './parsePorts.ts';

/**
 * The launcher's environment, read once, validated and frozen: PORT (the gateway, 4000; 0 for a free
 * port), SUBGRAPH_PORTS (see parseSubgraphPorts) and DEMO_DATA (true|false). HOST, DATABASE_URL,
 * DATA_DIR and the keys are the gateway's own settings, so `pnpm start`, `pnpm run token` and
 * `pnpm audit:verify` agree on them.
 */
function readLauncherConfig(env: Record<string, string | undefined>) {
  const port = parsePort('PORT', env.PORT, 4000);
  return Object.freeze({
    port,
    subgraphPorts: parseSubgraphPorts(env.SUBGRAPH_PORTS, port),
    demoData: parseDemoData(env.DEMO_DATA),
    host: gatewayConfig.host,
    databaseUrl: gatewayConfig.databaseUrl,
    dataDir: gatewayConfig.dataDir,
    subgraphSecret: gatewayConfig.subgraphSecret,
    jwtSecret: gatewayConfig.jwtSecret,
    operationLogKey: gatewayConfig.operationLogKey,
  });
}

function parseDemoData(raw: string | undefined): boolean {
  const text = raw?.trim().toLowerCase() ?? '';
  if (text === '' || text === 'true') return true;
  if (text === 'false') return false;
  throw new ConfigError('DEMO_DATA', `"${raw}" 应为 true 或 false`, `"${raw}" should be true or false`);
}

/** A bad setting stops the launcher here, before anything starts, with its message and no stack trace: it is input, not a bug. */
function readOrExit(env: Record<string, string | undefined>): ReturnType<typeof readLauncherConfig> {
  try {
    return readLauncherConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

export const config = readOrExit(process.env);
