import { config as gatewayConfig } from '@hub/gateway/config';
import { configOrExit, readEnv, setting } from '@hub/schema';
import { parseSubgraphPorts } from './parsePorts.ts';

/**
 * The launcher's environment, read once, validated and frozen: SUBGRAPH_PORTS (see parseSubgraphPorts)
 * and DEMO_DATA (true|false). PORT (the gateway, 4000; 0 for a free port), HOST, DATABASE_URL, DATA_DIR
 * and the keys are the gateway's own settings, so `pnpm start`, `pnpm run token` and `pnpm audit:verify`
 * agree on them; a bad one stops the start in the gateway's config the same way.
 */
function readLauncherConfig(env: Record<string, string | undefined>) {
  const port = gatewayConfig.port;
  const settings = readEnv({ SUBGRAPH_PORTS: setting.custom((raw) => parseSubgraphPorts(raw, port)), DEMO_DATA: setting.flag(true) }, env);
  return Object.freeze({
    port,
    subgraphPorts: settings.SUBGRAPH_PORTS,
    demoData: settings.DEMO_DATA,
    host: gatewayConfig.host,
    databaseUrl: gatewayConfig.databaseUrl,
    dataDir: gatewayConfig.dataDir,
    subgraphSecret: gatewayConfig.subgraphSecret,
    jwtSecret: gatewayConfig.jwtSecret,
    operationLogKey: gatewayConfig.operationLogKey,
    limits: gatewayConfig.limits,
    idempotencyTtlMs: gatewayConfig.idempotencyTtlMs,
    deadlines: gatewayConfig.deadlines,
    messagePollMs: gatewayConfig.messagePollMs,
    imports: gatewayConfig.imports,
    exposeErrorDetails: gatewayConfig.exposeErrorDetails,
    tokens: gatewayConfig.tokens,
    rateLimits: gatewayConfig.rateLimits,
    cors: gatewayConfig.cors,
    devSignIn: gatewayConfig.devSignIn,
  });
}

/** A bad setting stops the launcher here, before anything starts, with its message and no stack trace. */
export const config = configOrExit(() => readLauncherConfig(process.env));
