import { config as gatewayConfig } from '@hub/gateway/config';
import { ConfigError, configOrExit, readEnv, readSubgraphConfig, setting } from '@hub/schema';
import { parseVerificationSchedule } from './parseVerificationSchedule.ts';

/** Where the catalog service's verification worker reads the offices when HUB_GATEWAY_URL is unset: a gateway on this machine at its default port. */
export const DEFAULT_HUB_GATEWAY_URL = 'http://127.0.0.1:4000/graphql';

const gatewayUrl = (raw: string | undefined): string => {
  const text = raw?.trim() || DEFAULT_HUB_GATEWAY_URL;
  if (!URL.canParse(text) || !/^https?:$/.test(new URL(text).protocol))
    throw new ConfigError('HUB_GATEWAY_URL', `"${text}" 不是 http(s) URL`, `"${text}" is not an http(s) URL`);
  return text;
};

/**
 * `pnpm start:catalog`'s environment, read once, validated and frozen: the catalog subgraph's own
 * settings (CATALOG_PORT, CATALOG_DATABASE_URL …, as its index.ts reads them), and for its
 * verification worker HUB_GATEWAY_URL (the gateway, or the load balancer before the gateways, it reads
 * the offices through), VERIFICATION_SCHEDULE (see parseVerificationSchedule), and the gateways'
 * JWT_SECRET and token rules (TOKEN_MAX_LIFETIME …), read as the gateway reads them, to sign the
 * coordination group's tokens the gateways accept.
 */
function readCatalogServiceConfig(env: Record<string, string | undefined>) {
  const settings = readEnv({ HUB_GATEWAY_URL: setting.custom(gatewayUrl), VERIFICATION_SCHEDULE: setting.custom(parseVerificationSchedule) }, env);
  return Object.freeze({
    subgraph: readSubgraphConfig('catalog', env),
    gatewayUrl: settings.HUB_GATEWAY_URL,
    verificationSchedules: settings.VERIFICATION_SCHEDULE,
    jwtSecret: gatewayConfig.jwtSecret,
    tokens: gatewayConfig.tokens,
  });
}

/** A bad setting stops the service here, before anything starts, with its message and no stack trace. */
export const config = configOrExit(() => readCatalogServiceConfig(process.env));
