import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginUsageReportingDisabled, ApolloServerPluginSchemaReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { CREDENTIAL_HEADER, maskUnexpectedErrors, signGatewayCredential, type SubgraphName, type Viewer } from '@hub/schema';
import { createHttpServer } from './httpServer.ts';
import { offlineGraphiQL } from './landingPage.ts';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph listens, when not at the supergraph's default URL. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  port: number;
  host: string;
  /** The secret each subgraph's credential key is derived from (the subgraphs hold the same). */
  subgraphSecret: string;
}

/** The gateway's per-request context. */
export interface GatewayContext {
  viewer: Viewer | null;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

/** The gateway over the committed supergraph: no introspection of subgraphs and no telemetry. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  // @apollo/gateway probes cloud metadata addresses and reports to Apollo unless this is set
  // before it is constructed; the hub must reach nothing but its own subgraphs.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: options.subgraphUrls?.[name as SubgraphName] ?? url,
        // Identity reaches a subgraph only this way: a client's own headers are not forwarded.
        async willSendRequest({ request, context }) {
          request.http?.headers.set(CREDENTIAL_HEADER, await signGatewayCredential(options.subgraphSecret, name, context.viewer ?? null));
        },
      }),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: maskUnexpectedErrors,
    includeStacktraceInErrorResponses: false,
    plugins: [offlineGraphiQL(), ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()],
  });
  const httpServer = createHttpServer(apollo, async () => ({ viewer: null }), [
    (req, res) => {
      if (req.url !== '/health') return false;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
      return true;
    },
  ]);
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await apollo.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host === '127.0.0.1' || options.host === '0.0.0.0' ? 'localhost' : options.host;
  return { url: `http://${host}:${port}/graphql`, stop: () => apollo.stop() };
}
