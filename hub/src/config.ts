import { config as gatewayConfig } from '@hub/gateway/config';
import { ConfigError, configOrExit, databaseLocationOf, readEnv, setting } from '@hub/schema';
import { SERVICE_SUBGRAPHS, type ServiceName } from '@hub/schema/contracts';
import { parseGatewayPorts } from './parseGatewayPorts.ts';
import { parseSubgraphPorts } from './parsePorts.ts';
import { parseVerificationSchedule } from './parseVerificationSchedule.ts';

/**
 * The launcher's environment, read once, validated and frozen: SUBGRAPH_PORTS (see parseSubgraphPorts)
 * DEMO_DATA (true|false), DEMO_INSTITUTIONS and DEMO_PERSONS (the demo city's size, 320 and 21,000), and
 * for `pnpm start:multi` GATEWAY_PORTS (one gateway process per port; PORT alone by default), VERIFICATION_SCHEDULE
 * (see parseVerificationSchedule). PORT (the gateway, 4000; 0 for a free port), HOST, DATABASE_URL, DATA_DIR
 * and the keys are the gateway's own settings, so `pnpm start`, `pnpm run token` and `pnpm audit:verify`
 * agree on them; a bad one stops the start in the gateway's config the same way.
 */
function readLauncherConfig(env: Record<string, string | undefined>) {
  const port = gatewayConfig.port;
  const settings = readEnv(
    {
      SUBGRAPH_PORTS: setting.custom((raw) => parseSubgraphPorts(raw, port)),
      DEMO_DATA: setting.flag(true),
      DEMO_INSTITUTIONS: setting.count(320),
      DEMO_PERSONS: setting.count(21_000),
      GATEWAY_PORTS: setting.custom((raw) => parseGatewayPorts(raw, port)),
      VERIFICATION_SCHEDULE: setting.custom(parseVerificationSchedule),
    },
    env,
  );
  if (settings.DEMO_PERSONS < settings.DEMO_INSTITUTIONS * 8)
    throw new ConfigError('DEMO_PERSONS', '应至少为 DEMO_INSTITUTIONS 的 8 倍', 'should be at least 8 × DEMO_INSTITUTIONS');
  /** Where each service keeps its data when it runs alone (<SERVICE>_DATABASE_URL, DATABASE_URL or PGlite under DATA_DIR). */
  const databases = Object.fromEntries(['gateway', ...SERVICE_SUBGRAPHS.map((s) => s.name)].map((name) => [name, databaseLocationOf(name, env)])) as Record<
    'gateway' | ServiceName,
    ReturnType<typeof databaseLocationOf>
  >;
  // Gateways side by side share one operation log, which a PGlite folder (one process) cannot hold.
  if (settings.GATEWAY_PORTS.length > 1 && !databases.gateway.url)
    throw new ConfigError(
      'GATEWAY_PORTS',
      '多个网关须共用一个 PostgreSQL 数据库（设置 GATEWAY_DATABASE_URL 或 DATABASE_URL）',
      'several gateways need one PostgreSQL database to share (set GATEWAY_DATABASE_URL or DATABASE_URL)',
    );
  return Object.freeze({
    port,
    subgraphPorts: settings.SUBGRAPH_PORTS,
    demoData: settings.DEMO_DATA,
    demoSize: { institutions: settings.DEMO_INSTITUTIONS, persons: settings.DEMO_PERSONS },
    gatewayPorts: settings.GATEWAY_PORTS,
    /** The scheduled verification runs the worker queues (README, "Verification"). */
    verificationSchedules: settings.VERIFICATION_SCHEDULE,
    databases,
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
    metricsToken: gatewayConfig.metricsToken,
    devSignIn: gatewayConfig.devSignIn,
  });
}

/** A bad setting stops the launcher here, before anything starts, with its message and no stack trace. */
export const config = configOrExit(() => readLauncherConfig(process.env));
