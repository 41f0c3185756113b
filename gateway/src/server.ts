import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import type { Registry } from 'prom-client';
import { ApolloGateway } from '@apollo/gateway';
import {
  DEFAULT_IMPORT_LIMITS,
  encodeViewer,
  hubLogger,
  listen,
  type ImportOffice,
  signSubgraphRequest,
  startConfiguredTracing,
  VIEWER_HEADER,
  type Viewer,
} from '@hub/schema';
import { type CatalogSource, defaultSubgraphUrl, SERVICE_SUBGRAPHS, type ServiceName, type SubgraphName } from '@hub/schema/contracts';
import { auditDataSource } from './audit/api/auditSubgraph.ts';
import { logUnexecutedRequests } from './audit/logUnexecutedRequests.ts';
import { createOperationLog, type OperationLog } from './audit/operationLog.ts';
import { createSnapshotCache, type SnapshotCache, type SnapshotCacheOptions } from './catalog/snapshotCache.ts';
import { openGatewayDatabase } from './db/open.ts';
import { cachedDecide } from './enforcement/cachedDecide.ts';
import { enforcingGateway } from './enforcement/enforcingGateway.ts';
import { createIdempotency, DEFAULT_IDEMPOTENCY_TTL_MS } from './edge/idempotency.ts';
import type { IdempotencyStore } from './edge/idempotencyStore.ts';
import { clientError } from './errors/clientErrors.ts';
import { errorPlugin } from './errors/errorPlugin.ts';
import { type CorsOptions, corsCheck } from './edge/cors.ts';
import { createRateLimit, DEFAULT_RATE_LIMITS, type RateLimitOptions } from './edge/rateLimit.ts';
import { readinessRoute } from './health/readinessRoute.ts';
import { createHttpServer } from './httpServer.ts';
import { fetchCap, operationCostPlugin } from './limits/operationCost.ts';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits, operationLimitRules, operationParseOptions, restoreLimitCode } from './limits/operationLimits.ts';
import { requestViewer } from './identity/authenticate.ts';
import { createTokenService, type TokenOptions, type TokenService } from './identity/tokens.ts';
import { offlineGraphiQL } from './landingPage.ts';
import { catalogPage, type PageQuery } from './pages/catalog/catalogPage.ts';
import { policyEndpoints } from './policy/policyEndpoints.ts';
import { workbenchPage } from './pages/workbench/workbenchPage.ts';
import { findingsDownload } from './pages/reports/findingsDownload.ts';
import { structureReportDownload } from './pages/reports/structureReportDownload.ts';
import { recordOperation } from './recordOperation.ts';
import { createRequestContext, type GatewayContext } from './requestContext.ts';
import { DEFAULT_DEADLINES, type Deadlines, GuardedDataSource } from './subgraphFetch.ts';
import { createSubgraphFetcher } from './subgraphFetcher.ts';
import { createMessageRelay, DEFAULT_MESSAGE_POLL_MS, type MessageRelay } from './messaging/messageRelay.ts';
import { wakeRelayAfterWrites } from './messaging/wakeRelayAfterWrites.ts';
import { importEndpoints, type ImportLimits } from './imports/importEndpoints.ts';
import { createObservability } from './observability/createObservability.ts';
import { createImportLogRelay, DEFAULT_IMPORT_LOG_POLL_MS, type ImportLogRelay } from './imports/importLogRelay.ts';

export type { CorsOptions, Deadlines, GatewayContext, OperationLimits, RateLimitOptions, TokenOptions };
export { DEFAULT_DEADLINES, DEFAULT_MESSAGE_POLL_MS, DEFAULT_OPERATION_LIMITS, DEFAULT_RATE_LIMITS };
export { requestFingerprint } from './edge/idempotency.ts';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each office's subgraph listens, when not at the supergraph's default URL. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  port: number;
  host: string;
  /** Where the catalog snapshot comes from (the coordination group's subgraph, in process or as a service). */
  catalog: CatalogSource;
  /** How fresh the catalog snapshot is kept (see SnapshotCacheOptions). */
  catalogCache?: SnapshotCacheOptions;
  /** The secret each subgraph's credential key is derived from (the subgraphs hold the same). */
  subgraphSecret: string;
  /** HS256 key of the departments' bearer tokens. */
  jwtSecret: string;
  /** HMAC key of the operation log's chain. */
  operationLogKey: string;
  /** The gateway's own database (the operation log): a PostgreSQL URL, or a PGlite folder. */
  database: { url?: string | undefined; dataDir?: string | undefined; maxConnections?: number | undefined };
  /** How large an operation may be (README, "Operation limits"); each unset one keeps its default. */
  limits?: Partial<OperationLimits> | undefined;
  /** How long a caller's Idempotency-Key is kept (README, "Safe retries"); 24 h when unset. */
  idempotencyTtlMs?: number | undefined;
  /** How long the gateway waits for an office and for the whole request (README, "Deadlines and errors"); each unset one keeps its default. */
  deadlines?: Partial<Deadlines> | undefined;
  /** Development only: masked errors carry their original detail as `extensions.detail` (EXPOSE_ERROR_DETAILS, off by default). */
  exposeErrorDetails?: boolean | undefined;
  /** Token lifetime and clock skew, and an identity provider's JWKS (README, "Tokens, rate limits and CORS"). */
  tokens?: TokenOptions | undefined;
  /** Requests each identity may send (same section); each unset one keeps its default. */
  rateLimits?: Partial<RateLimitOptions> | undefined;
  /** Origins whose browser apps may call the hub; none by default. */
  cors?: CorsOptions | undefined;
  /** Bearer token that opens /metrics to callers not on this machine (METRICS_TOKEN); without it only loopback reads it. */
  metricsToken?: string | undefined;
  /** False turns catalog enforcement and logging off: only the benchmark does, to measure their cost. */
  enforcement?: boolean;
  /**
   * Identical queries in flight to one subgraph for one viewer go out once (README, "How fast the
   * gateway is, beside Hive Gateway"); on unless false (SUBGRAPH_MERGE=false).
   */
  mergeFetches?: boolean | undefined;
  /** How often the message relay polls the offices' outboxes (README, "Messages between offices"); 1 s when unset. */
  messagePollMs?: number | undefined;
  /** Spreadsheet imports (README, "Loading records from spreadsheets"): the largest file and the most rows; how often finished jobs are logged. */
  imports?: (Partial<ImportLimits> & { logPollMs?: number | undefined }) | undefined;
  /** Development only: the workbench's sign-in may pick an office and role (POST /workbench/dev-token); never in production. */
  devSignIn?: boolean | undefined;
  now?: () => Date;
}

export interface RunningGateway {
  url: string;
  snapshots: SnapshotCache;
  log: OperationLog;
  tokens: TokenService;
  idempotency: IdempotencyStore;
  /** Carries the offices' messages (a removal's stop-pay notice …) from outbox to inbox. */
  relay: MessageRelay;
  /** Writes finished spreadsheet imports to the operation log. */
  importLog: ImportLogRelay;
  /** Its Prometheus metrics (also served at /metrics). */
  metrics: Registry;
  stop(): Promise<void>;
}

/**
 * The gateway over the committed supergraph: identity, catalog enforcement field by field (from a
 * snapshot of the coordination group's catalog), the operation log and its API, the catalog pages
 * and an offline GraphiQL. No introspection of subgraphs and no telemetry.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const now = options.now ?? (() => new Date());
  // Before the database opens (its statements are traced); a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const stopTracing = startConfiguredTracing('staffing-hub-gateway');
  const database = await openGatewayDatabase(options.database);
  const cleanups: (() => Promise<unknown>)[] = [() => database.close(), async () => stopTracing?.()];
  try {
    await database.migrate();
    const urls: Partial<Record<SubgraphName, string>> = { ...options.subgraphUrls };
    const serviceUrls = Object.fromEntries(SERVICE_SUBGRAPHS.map(({ name }) => [name, urls[name] ?? defaultSubgraphUrl(name)])) as Record<ServiceName, string>;
    const officeUrls: Record<ImportOffice, string> = serviceUrls;
    // Logs, metrics and traces (README, "Logs, metrics and traces"): hooked in below at the gateway's own seams.
    const observability = createObservability({ metricsToken: options.metricsToken, secret: options.subgraphSecret, urls: serviceUrls, now });
    const log = observability.operationLog(createOperationLog(database.db, { key: options.operationLogKey, now }));
    const snapshots = await createSnapshotCache(options.catalog, options.catalogCache);
    cleanups.unshift(async () => snapshots.stop());
    const tokens = createTokenService(options.jwtSecret, { ...options.tokens, now });
    const rateLimit = await createRateLimit(
      { ...DEFAULT_RATE_LIMITS, ...definedOnly(options.rateLimits ?? {}) },
      { identify: (req) => requestViewer(req, tokens), log },
    );
    cleanups.unshift(() => rateLimit.stop());
    const limits: OperationLimits = { ...DEFAULT_OPERATION_LIMITS, ...definedOnly(options.limits ?? {}) };
    const audit = auditDataSource(log);
    const idempotency = createIdempotency(database.db, { ttlMs: options.idempotencyTtlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS, now, log });
    cleanups.unshift(async () => idempotency.stop());
    const deadlines: Deadlines = { ...DEFAULT_DEADLINES, ...definedOnly(options.deadlines ?? {}) };
    const exposeDetails = options.exposeErrorDetails === true;
    const relay = createMessageRelay({
      secret: options.subgraphSecret,
      urls: serviceUrls,
      log,
      now,
      pollMs: options.messagePollMs ?? DEFAULT_MESSAGE_POLL_MS,
    });
    cleanups.unshift(() => relay.stop());
    const importLog = createImportLogRelay({
      secret: options.subgraphSecret,
      urls: officeUrls,
      log,
      pollMs: options.imports?.logPollMs ?? DEFAULT_IMPORT_LOG_POLL_MS,
    });
    cleanups.unshift(() => importLog.stop());

    // @apollo/gateway probes cloud metadata addresses and reports to Apollo unless this is set
    // before it is constructed; the hub must reach nothing but its own subgraphs.
    process.env.APOLLO_TELEMETRY_DISABLED = 'true';
    // Every office reached through one connection pool per subgraph (subgraphFetcher.ts).
    // Every request to a subgraph signed over its exact bytes (README, "How the gateway vouches for a request").
    // The viewer header of each viewer encoded once: a verified token's viewer is one object for as long as the token is cached.
    const viewerHeaders = new WeakMap<Viewer, string>();
    const anonymousHeader = encodeViewer(null);
    const viewerHeader = (viewer: Viewer | null) => {
      if (!viewer) return anonymousHeader;
      let header = viewerHeaders.get(viewer);
      if (header === undefined) {
        header = encodeViewer(viewer);
        viewerHeaders.set(viewer, header);
      }
      return header;
    };
    const subgraphHttp = createSubgraphFetcher({
      merge: options.mergeFetches !== false,
      sign: (subgraph, request) => signSubgraphRequest(options.subgraphSecret, subgraph, request),
    });
    cleanups.unshift(() => subgraphHttp.close());
    const apolloGateway = new ApolloGateway({
      supergraphSdl: options.supergraphSdl,
      // Each plan is checked before it runs: one that would call the subgraphs too often runs nothing.
      experimental_didResolveQueryPlan: fetchCap(limits.subgraphFetches),
      logger: hubLogger,
      // The operation log's own API runs in process; every office over HTTP, signed (subgraphFetcher.ts).
      buildService: ({ name, url }) =>
        name === 'audit'
          ? audit
          : observability.dataSource(
              name,
              new GuardedDataSource<GatewayContext>({
                url: urls[name as SubgraphName] ?? url,
                fetcher: subgraphHttp.fetcherFor(name),
                // Deadlines, and an office's failure as SUBGRAPH_UNAVAILABLE at its fields (subgraphFetch.ts).
                guard: { office: name as ServiceName, deadlines, exposeDetails },
                // Identity reaches a subgraph only this way, covered by the signature: a client's own headers are not forwarded.
                async willSendRequest({ request, context }) {
                  request.http?.headers.set(VIEWER_HEADER, viewerHeader(context.viewer ?? null));
                },
                // What a write changed (before and after) comes back in extensions.audit, for the log only.
                async didReceiveResponse({ response, context }) {
                  const changes = response.extensions?.audit;
                  if (Array.isArray(changes)) context.audit?.push(...changes.map((change) => ({ ...change, subgraph: name })));
                  return response;
                },
              }),
            ),
    });
    const gateway =
      options.enforcement === false
        ? apolloGateway
        : enforcingGateway<GatewayContext>(apolloGateway, {
            decide: async (context) => cachedDecide(context.viewer, await snapshots.current(), now()),
            record: recordOperation(snapshots, log),
          });
    const apollo = new ApolloServer<GatewayContext>({
      gateway,
      // Limits hold on the parsed document, before fragments are expanded and before any planning.
      parseOptions: operationParseOptions(limits),
      validationRules: operationLimitRules(limits),
      logger: hubLogger,
      // Only coded refusals pass as they are; anything else is masked, its detail logged under the request's id.
      formatError: (formatted, error) => clientError(restoreLimitCode(formatted, error, limits) ?? formatted, exposeDetails),
      includeStacktraceInErrorResponses: false,
      // No "Did you mean …?" with names of the schema in validation errors.
      hideSchemaDetailsFromClientErrors: true,
      // The process that runs the gateway stops it (the launcher in order, on SIGTERM/SIGINT); Apollo's own
      // signal handlers would stop it a second time, and a second stop() of a stopping server never returns.
      stopOnTerminationSignals: false,
      plugins: [
        operationCostPlugin(limits),
        offlineGraphiQL(),
        errorPlugin(),
        ApolloServerPluginUsageReportingDisabled(),
        ApolloServerPluginSchemaReportingDisabled(),
        // Before the idempotency plugin: the answer it keeps for a retry already names its request (extensions.requestId).
        observability.plugin,
        idempotency.plugin,
        wakeRelayAfterWrites(relay),
        ...(options.enforcement === false ? [] : [logUnexecutedRequests(log)]),
      ],
    });
    const requestContext = observability.context(createRequestContext(tokens, log));
    // The pages read through this gateway's own GraphQL as their visitor, so they show what the API shows.
    // A token the gateway refuses (already logged as AUTH) is told to the page, which answers 401.
    const pageQuery: PageQuery = async (req, query, variables) => {
      let contextValue: GatewayContext;
      try {
        contextValue = await requestContext(req);
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') return { unauthenticated: error.message };
        throw error;
      }
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      return response.body.kind === 'single' ? response.body.singleResult : {};
    };
    const policy = policyEndpoints({ snapshots, tokens, now, log, subgraphSecret: options.subgraphSecret });
    const httpServer = createHttpServer(apollo, requestContext, [
      // CORS first (its headers on every answer, the 429 included), then /health and /ready (health/readinessRoute.ts), then the rate limit before any page or GraphQL.
      corsCheck(options.cors ?? { origins: [] }),
      // A router's coprocessor calls come from the router, not from one identity: before the rate limit;
      // the Hive Gateway plugin's decisions carry the client's own token: after it (README, "Putting a standard router in front").
      policy.coprocessor,
      readinessRoute({ database, snapshots, subgraphUrls: urls }),
      rateLimit.check,
      policy.decide,
      policy.denials,
      observability.metricsRoute,
      importEndpoints({
        secret: options.subgraphSecret,
        urls: officeUrls,
        tokens,
        log,
        limits: { maxBytes: options.imports?.maxBytes ?? DEFAULT_IMPORT_LIMITS.maxBytes, maxRows: options.imports?.maxRows ?? DEFAULT_IMPORT_LIMITS.maxRows },
        relay: importLog,
      }),
      catalogPage(pageQuery, now),
      workbenchPage({ tokens, devSignIn: options.devSignIn === true }),
      structureReportDownload(pageQuery),
      findingsDownload(pageQuery),
    ]);
    observability.observeServer(httpServer);
    apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
    await apollo.start();
    cleanups.unshift(() => apollo.stop());
    relay.start();
    importLog.start();
    await listen(httpServer, options.port, options.host);
    const { port } = httpServer.address() as AddressInfo;
    const host = options.host === '127.0.0.1' || options.host === '0.0.0.0' ? 'localhost' : options.host;
    return {
      url: `http://${host}:${port}/graphql`,
      snapshots,
      log,
      tokens,
      idempotency: idempotency.store,
      relay,
      importLog,
      metrics: observability.metrics.registry,
      async stop() {
        for (const cleanup of cleanups) await cleanup();
      },
    };
  } catch (error) {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    throw error;
  }
}

/** The entries of `partial` that are set (an unset limit keeps its default rather than becoming undefined). */
function definedOnly<T extends object>(partial: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined)) as Partial<T>;
}
