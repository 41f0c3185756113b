import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  CREDENTIAL_HEADER, listenSubgraph, maskUnexpectedErrors, signGatewayCredential, verifyGatewayCredential, type SubgraphName,
} from '@hub/schema';
import { loadDefaultCatalog, type CatalogEntryDefinition } from '@hub/schema/catalog';
import { createOperationLog, type OperationLog } from './audit/operationLog.ts';
import { createCatalogServer } from './catalog/api/catalogServer.ts';
import { toCatalogViewer } from './catalog/api/context.ts';
import { catalogPage } from './catalog/page/catalogPage.ts';
import { createCatalogStore, type CatalogStore } from './catalog/catalogStore.ts';
import { createDecide } from './catalog/policy.ts';
import { openGatewayDatabase } from './db/open.ts';
import { enforcingGateway } from './enforcement/enforcingGateway.ts';
import { createHttpServer } from './httpServer.ts';
import { createTokenService, type TokenService } from './identity/tokens.ts';
import { offlineGraphiQL } from './landingPage.ts';
import { recordOperation } from './recordOperation.ts';
import { createRequestContext, type GatewayContext } from './requestContext.ts';

export type { GatewayContext };

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each office's subgraph listens, when not at the supergraph's default URL. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  port: number;
  host: string;
  /** Port of the catalog subgraph the gateway serves itself (0: any free port). */
  catalogPort?: number;
  /** The secret each subgraph's credential key is derived from (the subgraphs hold the same). */
  subgraphSecret: string;
  /** HS256 key of the departments' bearer tokens. */
  jwtSecret: string;
  /** HMAC key of the operation log's chain. */
  operationLogKey: string;
  /** The gateway's own database (catalog, grants, operation log): a PostgreSQL URL, or a PGlite folder. */
  database: { url?: string | undefined; dataDir?: string | undefined };
  /** The catalog loaded into an empty database; the default catalog file when absent. */
  defaultCatalog?: () => CatalogEntryDefinition[];
  /** False turns catalog enforcement and logging off: only the benchmark does, to measure their cost. */
  enforcement?: boolean;
  now?: () => Date;
}

export interface RunningGateway {
  url: string;
  catalogUrl: string;
  store: CatalogStore;
  log: OperationLog;
  tokens: TokenService;
  stop(): Promise<void>;
}

/**
 * The gateway over the committed supergraph: identity, catalog enforcement field by field, the
 * operation log, the coordination group's catalog API and page, and an offline GraphiQL. No
 * introspection of subgraphs and no telemetry.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const now = options.now ?? (() => new Date());
  const database = await openGatewayDatabase(options.database);
  const cleanups: (() => Promise<unknown>)[] = [() => database.close()];
  try {
    await database.migrate();
    const log = createOperationLog(database.db, { key: options.operationLogKey, now });
    const store = createCatalogStore(database.db, log);
    await store.addMissingDefaults((options.defaultCatalog ?? loadDefaultCatalog)(), 'system:default-catalog');
    const tokens = createTokenService(options.jwtSecret);

    const catalogServer = createCatalogServer();
    const catalogUrl = await listenSubgraph(catalogServer, {
      port: options.catalogPort ?? 0,
      host: options.host,
      context: async (headers) => ({ viewer: toCatalogViewer(await verifyGatewayCredential(options.subgraphSecret, 'catalog', headers[CREDENTIAL_HEADER])), store, log, now }),
    });
    cleanups.unshift(() => catalogServer.stop());
    const urls: Partial<Record<SubgraphName, string>> = { ...options.subgraphUrls, catalog: catalogUrl };

    // @apollo/gateway probes cloud metadata addresses and reports to Apollo unless this is set
    // before it is constructed; the hub must reach nothing but its own subgraphs.
    process.env.APOLLO_TELEMETRY_DISABLED = 'true';
    const apolloGateway = new ApolloGateway({
      supergraphSdl: options.supergraphSdl,
      buildService: ({ name, url }) =>
        new RemoteGraphQLDataSource<GatewayContext>({
          url: urls[name as SubgraphName] ?? url,
          // Identity reaches a subgraph only this way: a client's own headers are not forwarded.
          async willSendRequest({ request, context }) {
            request.http?.headers.set(CREDENTIAL_HEADER, await signGatewayCredential(options.subgraphSecret, name, context.viewer ?? null));
          },
          // What a write changed (before and after) comes back in extensions.audit, for the log only.
          async didReceiveResponse({ response, context }) {
            const audit = response.extensions?.audit;
            if (Array.isArray(audit)) context.audit?.push(...audit);
            return response;
          },
        }),
    });
    const gateway =
      options.enforcement === false
        ? apolloGateway
        : enforcingGateway<GatewayContext>(apolloGateway, {
            decide: async (context) => createDecide(context.viewer, await store.snapshot(), await store.activeGrants(), now()),
            record: recordOperation(store, log),
          });
    const apollo = new ApolloServer<GatewayContext>({
      gateway,
      formatError: maskUnexpectedErrors,
      includeStacktraceInErrorResponses: false,
      plugins: [offlineGraphiQL(), ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()],
    });
    const httpServer = createHttpServer(apollo, createRequestContext(tokens, log), [
      (req, res) => {
        if (req.url !== '/health') return false;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
        return true;
      },
      catalogPage(store, now),
    ]);
    apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
    await apollo.start();
    cleanups.unshift(() => apollo.stop());
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host, resolve);
    });
    const { port } = httpServer.address() as AddressInfo;
    const host = options.host === '127.0.0.1' || options.host === '0.0.0.0' ? 'localhost' : options.host;
    return {
      url: `http://${host}:${port}/graphql`,
      catalogUrl,
      store,
      log,
      tokens,
      async stop() {
        for (const cleanup of cleanups) await cleanup();
      },
    };
  } catch (error) {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    throw error;
  }
}
