import { catalog, catalogSource, createVerificationWorker, type CatalogDb, type VerificationWorker } from '@hub/catalog';
import { SERVICE_SUBGRAPHS, SUPERGRAPH_PATH, type OfficeName, type CatalogSource, type ServiceName } from '@hub/schema/contracts';
import { startConfiguredTracing, startSubgraph, type OfficeSubgraph, type RunningSubgraph } from '@hub/schema';
import { finance } from '@hub/finance';
import { type GatewayOptions, startGateway, type RunningGateway } from '@hub/gateway';
import { hr } from '@hub/hr';
import { organization } from '@hub/organization';
import { staffing } from '@hub/staffing';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { City } from './demo/types.ts';
import { gatewayReader } from './gatewayReader.ts';
import { VERIFICATION_SCHEDULES, type VerificationSchedule } from './parseVerificationSchedule.ts';

const defaultPort = (name: ServiceName) => SERVICE_SUBGRAPHS.find((s) => s.name === name)!.port;

export const OFFICES: readonly OfficeSubgraph[] = [organization, staffing, hr, finance];
/** Every subgraph that runs as a service: the four offices and the coordination group's catalog. */
export const SERVICES: readonly OfficeSubgraph[] = [...OFFICES, catalog];

export interface HubOptions {
  /** A PostgreSQL URL shared by the four offices (each in its own schema); PGlite when absent. */
  databaseUrl?: string | undefined;
  /** The folder under which each office keeps its PGlite data; in memory when absent. */
  dataDir?: string | undefined;
  /** Gateway port; 0 picks a free one. */
  port?: number;
  /**
   * Subgraph ports (the catalog's included): 0 for free ones; otherwise each named subgraph at its port
   * and the others at the defaults of schema/src/subgraphs.ts (all of them when absent).
   */
  subgraphPorts?: 0 | Partial<Record<ServiceName, number>>;
  host?: string;
  /** Data to load into empty databases (called at most once). */
  seed?: (() => Omit<City, 'planted'>) | undefined;
  /** Keys: the gateway-to-subgraph secret, the bearer-token key and the log's HMAC key; random for this process when absent. */
  subgraphSecret?: string | undefined;
  jwtSecret?: string | undefined;
  operationLogKey?: string | undefined;
  /** The gateway's clock (grant expiry, request deadlines, log times); tests move it. */
  now?: () => Date;
  /** Subgraphs count and keep the requests they receive (the test kit turns it on). */
  recordRequests?: boolean;
  /** False switches catalog enforcement and logging off (benchmark baseline only). */
  enforcement?: boolean;
  /** The gateway's operation limits (README, "Operation limits"); each unset one keeps its default. */
  limits?: GatewayOptions['limits'];
  /** How long a caller's Idempotency-Key is kept (README, "Safe retries"). */
  idempotencyTtlMs?: number | undefined;
  /** How long the gateway waits for an office and a whole request (README, "Deadlines and errors"). */
  deadlines?: GatewayOptions['deadlines'];
  /** How often the message relay polls the offices' outboxes (README, "Messages between offices"). */
  messagePollMs?: number | undefined;
  /** Spreadsheet import limits and how often finished imports are logged (README, "Loading records from spreadsheets"). */
  imports?: GatewayOptions['imports'];
  /** Development only: masked errors show their detail (EXPOSE_ERROR_DETAILS). */
  exposeErrorDetails?: boolean | undefined;
  /** Token rules, rate limits and CORS origins of the gateway (README, "Tokens, rate limits and CORS"). */
  tokens?: GatewayOptions['tokens'];
  rateLimits?: GatewayOptions['rateLimits'];
  cors?: GatewayOptions['cors'];
  /** Bearer token that opens the gateway's /metrics beyond this machine (README, "Logs, metrics and traces"). */
  metricsToken?: GatewayOptions['metricsToken'];
  /** Development only: the workbench's sign-in picks an office and role (see GatewayOptions.devSignIn). */
  devSignIn?: boolean | undefined;
  /** How often the verification worker looks for queued and scheduled runs (README, "Verification"); 2 s when unset, 0: only when drained. */
  verificationPollMs?: number;
  /** The verification schedules in force (VERIFICATION_SCHEDULE): monthly and half-yearly by default. */
  verificationSchedules?: readonly VerificationSchedule[] | undefined;
  /** Told what happens during a long start (migrations, demo data). */
  onProgress?: (message: string) => void;
}

export interface Hub {
  url: string;
  /** The gateway-to-subgraph secret this hub runs with (tests sign their own credentials with it). */
  subgraphSecret: string;
  /** The key the hub's bearer tokens are signed with (tests forge tokens with it). */
  jwtSecret: string;
  gateway: RunningGateway;
  subgraphs: Record<ServiceName, RunningSubgraph>;
  /** The coordination group's catalog as the gateway reads it (a second gateway over the same subgraphs reads the same). */
  catalog: CatalogSource;
  /** The coordination group's verification worker: reads the offices through this gateway (tests `drain()` it). */
  verification: VerificationWorker;
  stop(): Promise<void>;
}

/** Starts the four office subgraphs and the gateway in this process. */
export async function startHub(options: HubOptions = {}): Promise<Hub> {
  // One process, one traced service (a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set): started before any database opens.
  const stopTracing = startConfiguredTracing('staffing-hub');
  const host = options.host ?? '127.0.0.1';
  const random = () => randomBytes(32).toString('hex');
  const secret = options.subgraphSecret ?? random();
  const jwtSecret = options.jwtSecret ?? random();
  const progress = options.onProgress ?? (() => {});
  const portOf = (name: ServiceName) => (options.subgraphPorts === 0 ? 0 : (options.subgraphPorts?.[name] ?? defaultPort(name)));
  let city: Omit<City, 'planted'> | undefined;
  const cityOnce = () => {
    if (!city) {
      progress('生成演示数据 / generating demo data …');
      city = options.seed!();
    }
    return city;
  };
  const started: RunningSubgraph[] = [];
  try {
    await Promise.all(
      SERVICES.map(async (office) => {
        const running = await startSubgraph(office, {
          databaseUrl: options.databaseUrl,
          dataDir: options.dataDir ? join(options.dataDir, office.name) : undefined,
          port: portOf(office.name),
          host,
          secret,
          recordRequests: options.recordRequests,
          now: options.now,
          seedData:
            options.seed && office.name !== 'catalog'
              ? () => {
                  progress(`载入演示数据 / loading demo data into ${office.name} …`);
                  return cityOnce()[office.name as OfficeName];
                }
              : undefined,
        });
        started.push(running);
        progress(`${office.name} 子图已启动 / subgraph up at ${running.url}`);
      }),
    );
  } catch (error) {
    await Promise.all(started.map((s) => s.stop()));
    throw error;
  }
  const subgraphs = Object.fromEntries(started.map((s) => [s.name, s])) as Record<ServiceName, RunningSubgraph>;
  const catalogOfHub = catalogSource(subgraphs.catalog.database.db as CatalogDb);
  const gateway = await startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: Object.fromEntries(started.map((s) => [s.name, s.url])),
    port: options.port ?? 0,
    host,
    catalog: catalogOfHub,
    subgraphSecret: secret,
    jwtSecret,
    operationLogKey: options.operationLogKey ?? random(),
    now: options.now,
    enforcement: options.enforcement,
    limits: options.limits,
    idempotencyTtlMs: options.idempotencyTtlMs,
    deadlines: options.deadlines,
    messagePollMs: options.messagePollMs,
    imports: options.imports,
    exposeErrorDetails: options.exposeErrorDetails,
    tokens: options.tokens,
    rateLimits: options.rateLimits,
    cors: options.cors,
    metricsToken: options.metricsToken,
    devSignIn: options.devSignIn,
    database: { url: options.databaseUrl, dataDir: options.dataDir ? join(options.dataDir, 'gateway') : undefined },
  }).catch(async (error) => {
    await Promise.all(started.map((s) => s.stop()));
    throw error;
  });
  // The run reads the offices through the gateway's GraphQL as the coordination group (a COORDINATOR of
  // the Staffing Office, which hosts it), so the catalog and the operation log see every read.
  const verification = createVerificationWorker({
    db: subgraphs.catalog.database.db as CatalogDb,
    now: options.now,
    // A run asked for through the API starts within this (one claim statement on the catalog's database each time).
    pollMs: options.verificationPollMs ?? 2_000,
    schedules: options.verificationSchedules ?? VERIFICATION_SCHEDULES,
    onError: (error) => progress(`核查失败 / verification run failed: ${error instanceof Error ? error.message : String(error)}`),
    reader: gatewayReader(gateway.url, (viewer, ttl) => gateway.tokens.sign(viewer, ttl)),
  });
  return {
    url: gateway.url,
    verification,
    subgraphSecret: secret,
    jwtSecret,
    gateway,
    subgraphs,
    catalog: catalogOfHub,
    async stop() {
      await verification.stop();
      await gateway.stop();
      await Promise.all(started.map((s) => s.stop()));
      await stopTracing?.();
    },
  };
}
