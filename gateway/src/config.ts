import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  ConfigError,
  configOrExit,
  databaseLocationOf,
  DEFAULT_IMPORT_LIMITS,
  IMPORT_BODY_CEILING,
  loadOrCreateDevKey,
  readEnv,
  SERVER_SETTINGS,
  setting,
} from '@hub/schema';
import { DEFAULT_IDEMPOTENCY_TTL_MS } from './edge/idempotency.ts';
import { readEdgeConfig } from './edge/edgeConfig.ts';
import { DEFAULT_OPERATION_LIMITS } from './limits/operationLimits.ts';
import { DEFAULT_DEADLINES } from './subgraphFetch.ts';
import { DEFAULT_MESSAGE_POLL_MS } from './messaging/messageRelay.ts';
import { SUPERGRAPH_PATH, type SubgraphName, SUBGRAPHS } from '@hub/schema/contracts';

/**
 * SUBGRAPH_URLS="staffing=http://host:port/graphql,hr=…" points the gateway at subgraphs elsewhere;
 * the others keep the URLs of the supergraph (127.0.0.1 and their default ports).
 */
export function parseSubgraphUrls(raw: string | undefined): Partial<Record<SubgraphName, string>> {
  const urls: Partial<Record<SubgraphName, string>> = {};
  for (const pair of (raw ?? '').split(',').filter(Boolean)) {
    const [name, url] = pair.split('=');
    if (!SUBGRAPHS.some((s) => s.name === name) || !url || !URL.canParse(url)) {
      throw new ConfigError('SUBGRAPH_URLS', `无法识别 "${pair}"（应为 名称=URL,…）`, `cannot read "${pair}" (expected name=url,…)`);
    }
    urls[name as SubgraphName] = url;
  }
  return urls;
}

/** The gateway's variables, each with its type and default (README, "Pointing it at PostgreSQL"). */
const SETTINGS = {
  PORT: setting.port(4000),
  ...SERVER_SETTINGS,
  SUBGRAPH_URLS: setting.custom(parseSubgraphUrls),
  SUPERGRAPH_PATH: setting.text(SUPERGRAPH_PATH),
  JWT_SECRET: setting.text(),
  OPERATION_LOG_KEY: setting.text(),
  LIMIT_DEPTH: setting.count(DEFAULT_OPERATION_LIMITS.depth),
  LIMIT_ALIASES: setting.count(DEFAULT_OPERATION_LIMITS.aliases),
  LIMIT_ROOT_FIELDS: setting.count(DEFAULT_OPERATION_LIMITS.rootFields),
  LIMIT_DIRECTIVES: setting.count(DEFAULT_OPERATION_LIMITS.directives),
  LIMIT_TOKENS: setting.count(DEFAULT_OPERATION_LIMITS.tokens),
  LIMIT_FRAGMENT_SPREADS: setting.count(DEFAULT_OPERATION_LIMITS.fragmentSpreads),
  LIMIT_EXPANDED_FIELDS: setting.count(DEFAULT_OPERATION_LIMITS.expandedFields),
  LIMIT_COST: setting.count(DEFAULT_OPERATION_LIMITS.cost),
  LIMIT_ASSUMED_LIST_SIZE: setting.count(DEFAULT_OPERATION_LIMITS.assumedListSize),
  LIMIT_SUBGRAPH_FETCHES: setting.count(DEFAULT_OPERATION_LIMITS.subgraphFetches),
  IDEMPOTENCY_TTL: setting.duration(DEFAULT_IDEMPOTENCY_TTL_MS),
  SUBGRAPH_TIMEOUT_MS: setting.count(DEFAULT_DEADLINES.subgraphTimeoutMs),
  REQUEST_DEADLINE_MS: setting.count(DEFAULT_DEADLINES.requestDeadlineMs),
  EXPOSE_ERROR_DETAILS: setting.flag(false),
  SUBGRAPH_MERGE: setting.flag(true),
  MESSAGE_POLL_MS: setting.count(DEFAULT_MESSAGE_POLL_MS),
  IMPORT_MAX_BYTES: setting.count(DEFAULT_IMPORT_LIMITS.maxBytes),
  IMPORT_MAX_ROWS: setting.count(DEFAULT_IMPORT_LIMITS.maxRows),
  METRICS_TOKEN: setting.text(),
  NODE_ENV: setting.text('development'),
};

/**
 * The gateway's environment, read once, validated and frozen; a bad value stops the process with its
 * one-line message (exit code 2). Secrets come from the environment in production; for local use each
 * falls back to a development key generated once under the data folder.
 */
function readGatewayConfig(env: Record<string, string | undefined>) {
  const settings = readEnv(SETTINGS, env);
  const devKey = (name: string) => join(settings.DATA_DIR, 'keys', name);
  return Object.freeze({
    port: settings.PORT,
    host: settings.HOST,
    databaseUrl: settings.DATABASE_URL,
    dataDir: settings.DATA_DIR,
    /**
     * The gateway's own database (operation log, idempotency keys) when it runs alone: GATEWAY_DATABASE_URL,
     * else DATABASE_URL, else PGlite in <DATA_DIR>/gateway. Gateways that run side by side share one
     * PostgreSQL database here (the log's appends take an advisory lock); a PGlite folder has one process.
     */
    database: databaseLocationOf('gateway', env),
    subgraphUrls: settings.SUBGRAPH_URLS,
    /** How large an operation may be (README, "Operation limits"). */
    limits: {
      depth: settings.LIMIT_DEPTH,
      aliases: settings.LIMIT_ALIASES,
      rootFields: settings.LIMIT_ROOT_FIELDS,
      directives: settings.LIMIT_DIRECTIVES,
      tokens: settings.LIMIT_TOKENS,
      fragmentSpreads: settings.LIMIT_FRAGMENT_SPREADS,
      expandedFields: settings.LIMIT_EXPANDED_FIELDS,
      cost: settings.LIMIT_COST,
      assumedListSize: settings.LIMIT_ASSUMED_LIST_SIZE,
      subgraphFetches: settings.LIMIT_SUBGRAPH_FETCHES,
    },
    /** How long a caller's Idempotency-Key is kept (README, "Safe retries"). */
    idempotencyTtlMs: settings.IDEMPOTENCY_TTL,
    /** How long an office and a whole request may take (README, "Deadlines and errors"). */
    deadlines: { subgraphTimeoutMs: settings.SUBGRAPH_TIMEOUT_MS, requestDeadlineMs: settings.REQUEST_DEADLINE_MS },
    /** How often the relay polls the offices' outboxes when no write wakes it (README, "Messages between offices"). */
    messagePollMs: settings.MESSAGE_POLL_MS,
    /** Spreadsheet imports: the largest file (at most the offices' ceiling) and the most rows (README, "Loading records from spreadsheets"). */
    imports: { maxBytes: Math.min(settings.IMPORT_MAX_BYTES, IMPORT_BODY_CEILING), maxRows: settings.IMPORT_MAX_ROWS },
    /** Bearer token that opens /metrics beyond this machine (README, "Logs, metrics and traces"). */
    metricsToken: settings.METRICS_TOKEN,
    /**
     * The workbench's development sign-in (pick an office and role): only outside production and only
     * with the development key file; a gateway given JWT_SECRET (or NODE_ENV=production) has none.
     */
    devSignIn: settings.NODE_ENV !== 'production' && settings.JWT_SECRET === undefined,
    /** Development only: masked errors show their detail to the client. */
    exposeErrorDetails: settings.EXPOSE_ERROR_DETAILS,
    /** Identical in-flight subgraph queries of one viewer sent once (README, "How fast the gateway is, beside Hive Gateway"). */
    mergeFetches: settings.SUBGRAPH_MERGE,
    /** Token rules and identity provider, rate limits, CORS origins (README, "Tokens, rate limits and CORS"). */
    ...readEdgeConfig(env),
    supergraphSdl: () => readFileSync(settings.SUPERGRAPH_PATH, 'utf8'),
    /** HS256 key of the bearer tokens departments present (JWT_SECRET). */
    jwtSecret: () => settings.JWT_SECRET ?? loadOrCreateDevKey(devKey('jwt.key')),
    /** Key of the gateway-to-subgraph credential (SUBGRAPH_SECRET); each subgraph gets a key derived from it. */
    subgraphSecret: () => settings.SUBGRAPH_SECRET ?? loadOrCreateDevKey(devKey('subgraph.key')),
    /** HMAC key of the operation log's hash chain (OPERATION_LOG_KEY). */
    operationLogKey: () => settings.OPERATION_LOG_KEY ?? loadOrCreateDevKey(devKey('operation-log.key')),
    /** Where that key comes from, for messages. */
    operationLogKeySource: settings.OPERATION_LOG_KEY ? 'OPERATION_LOG_KEY' : devKey('operation-log.key'),
  });
}

export const config = configOrExit(() => readGatewayConfig(process.env));
