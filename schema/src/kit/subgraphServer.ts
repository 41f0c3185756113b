import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { GraphQLError } from 'graphql';
import { auditExtensionPlugin } from './audit.ts';
import { compiledExecutor } from './compiledExecutor.ts';
import { ErrorCode, hubError } from './errors.ts';
import { listen } from './listen.ts';
import type { ReceivedSubgraphRequest } from './gatewayCredential.ts';
import { inputLimitsPlugin } from './inputLimitsPlugin.ts';
import { subgraphTypeDefs } from './inputLimits.ts';
import { hubLogger, logError } from './logError.ts';
import { maskUnexpectedErrors } from './maskErrors.ts';
import { withServerSpan } from './observability/withServerSpan.ts';
import { probeHandler } from './probeHandler.ts';
import type { ReadinessReport } from './readiness.ts';
import { MAX_BODY_BYTES, readRequestBody } from './readRequestBody.ts';
import { HUB_ROUTE_PREFIX, parseJsonBody, type SubgraphRoute } from './subgraphRoutes.ts';

/**
 * A subgraph's resolvers by type name, as its generated `Resolvers` type (`pnpm codegen`) checks them
 * where they are declared. Apollo's GraphQLResolverMap cannot express `__resolveReference(reference,
 * context, info)`, which every generated map has, so the map is handed to Apollo as its type here only.
 */
export type ResolverMap = { readonly [typeName: string]: object | undefined };

/**
 * A subgraph's executable schema from its SDL (Federation 2 `@link` imports read, the input-limit
 * directives defined) and resolvers.
 */
export function buildSubgraphSchemaOf(sdl: string, resolvers: ResolverMap) {
  return buildSubgraphSchema([{ typeDefs: subgraphTypeDefs(sdl), resolvers: resolvers as GraphQLResolverMap<unknown> }]);
}

/** How a subgraph server executes operations (tests compare the two). */
export interface SubgraphServerOptions {
  /** `compiled` (the default): queries through graphql-jit (compiledExecutor); `graphql-js`: the reference executor for everything. */
  executor?: 'compiled' | 'graphql-js';
}

/**
 * An office's Apollo Server from its SDL and resolvers: no inline tracing and no cache-control hints
 * (nothing reads them; the hint plugin wraps every field's resolver to compute them), input limits
 * checked before execution, queries compiled (compiledExecutor), database errors masked (and logged
 * without personal data).
 */
export function buildSubgraphServer<TContext extends BaseContext>(
  sdl: string,
  resolvers: ResolverMap,
  plugins: ApolloServerPlugin<TContext>[] = [],
  options: SubgraphServerOptions = {},
): ApolloServer<TContext> {
  const schema = buildSubgraphSchemaOf(sdl, resolvers);
  return new ApolloServer<TContext>({
    ...(options.executor === 'graphql-js' ? { schema } : { gateway: compiledExecutor(schema) }),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      inputLimitsPlugin<TContext>(),
      auditExtensionPlugin<TContext>(),
      ...plugins,
    ],
    formatError: maskUnexpectedErrors,
    logger: hubLogger,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Whoever runs the subgraph stops it (index.ts or the launcher); see the gateway's server.ts.
    stopOnTerminationSignals: false,
  });
}

export interface ListenOptions<TContext, TCaller> {
  /** The office (its spans are named after it). */
  name?: string;
  port: number;
  host: string;
  /**
   * Who sent the request, from its raw bytes, before anything parses it (the gateway's signature);
   * throws a GraphQLError whose `extensions.http.status` says how to refuse.
   */
  authenticate: (request: ReceivedSubgraphRequest) => Promise<TCaller>;
  context: (headers: IncomingHttpHeaders, caller: TCaller) => Promise<TContext>;
  /** The hub's own endpoints beside GraphQL (office messages, imports), each under HUB_ROUTE_PREFIX. */
  routes?: readonly SubgraphRoute<TCaller>[];
  /** Its readiness, answered at GET /ready (GET /health: alive); both without a credential, and carrying no data. */
  ready?: () => Promise<ReadinessReport>;
}

/** A listening subgraph: its URL, and its HTTP listener closed and reopened on the same port (tests stop an office this way). */
export interface ListeningSubgraph {
  url: string;
  /** Stops taking connections (those open are closed); the Apollo server and database stay up. */
  suspend(): Promise<void>;
  /** Listens again on the same port. */
  resume(): Promise<void>;
}

/**
 * Starts a subgraph on its own HTTP port; returns its URL. A plain node:http server rather than
 * Apollo's standalone one, which parses the body before anyone sees its bytes: here the raw body
 * (up to 1 MiB) is authenticated first, then parsed and handed to Apollo. POST only: the gateway
 * sends nothing else, and a GET's query string is not what the gateway signs; the only GETs answered are
 * the probes /health and /ready (probeHandler.ts). `server.stop()` closes it.
 */
export async function listenSubgraph<TContext extends BaseContext, TCaller>(
  server: ApolloServer<TContext>,
  options: ListenOptions<TContext, TCaller>,
): Promise<ListeningSubgraph> {
  const routes = new Map((options.routes ?? []).map((route) => [route.path, route]));
  const probes = probeHandler(options.ready ?? (async () => ({ ready: true, checks: {} })));
  const httpServer = createServer((req, res) =>
    // A span per request under the gateway's fetch (its traceparent), when tracing is on.
    withServerSpan(req, res, options.name ?? 'subgraph', { 'hub.office': options.name ?? '' }, () => respond(req, res)),
  );
  async function respond(req: IncomingMessage, res: ServerResponse) {
    try {
      if (await probes(req, res)) return;
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        return sendError(
          res,
          hubError(ErrorCode.BAD_REQUEST, null, '子图只接受 POST 请求', 'a subgraph answers POST requests only', { http: { status: 405 } }),
        );
      }
      const target = new URL(req.url ?? '/', 'http://subgraph');
      const route = target.pathname.startsWith(HUB_ROUTE_PREFIX) ? routes.get(target.pathname) : undefined;
      if (target.pathname.startsWith(HUB_ROUTE_PREFIX) && !route)
        return sendError(res, hubError(ErrorCode.NOT_FOUND, null, '子图没有此接口', 'this subgraph has no such endpoint', { http: { status: 404 } }));
      const body = await readRequestBody(req, route?.maxBodyBytes ?? MAX_BODY_BYTES);
      const caller = await options.authenticate({ method: req.method, path: req.url ?? '/', headers: req.headers, body });
      if (route) {
        const answer = await route.handle({ caller, path: target.pathname, query: target.searchParams, headers: req.headers, body });
        res.writeHead(answer.status, answer.headers);
        return void res.end(answer.body);
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      const httpGraphQLRequest: HTTPGraphQLRequest = { method: 'POST', headers, search: '', body: parseJsonBody(body) };
      const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context(req.headers, caller) });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      // Encoded once (a string is scanned for Content-Length, then encoded again for the socket).
      if (response.body.kind === 'complete') return void res.end(Buffer.from(response.body.string));
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (error instanceof GraphQLError) return sendError(res, error);
      if ((error as { status?: number }).status === 413)
        return sendError(res, hubError(ErrorCode.PAYLOAD_TOO_LARGE, null, '请求体过大', 'the request body is too large', { http: { status: 413 } }));
      logError({ source: 'subgraph: request failed' }, error);
      if (!res.headersSent)
        sendError(res, hubError(ErrorCode.INTERNAL_SERVER_ERROR, null, '子图内部错误', 'internal subgraph error', { http: { status: 500 } }));
      else res.end();
    }
  }
  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await server.start();
  try {
    await listen(httpServer, options.port, options.host);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const { address, port } = httpServer.address() as AddressInfo;
  const host = address === '' || address === '::' ? 'localhost' : address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/`,
    suspend: () =>
      new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      }),
    resume: () => listen(httpServer, port, options.host),
  };
}

/** A refusal in the GraphQL response shape, with the status its `extensions.http` names (left out of the body, as Apollo does). */
function sendError(res: ServerResponse, error: GraphQLError) {
  const { http, ...extensions } = error.extensions as { http?: { status?: number } };
  res.writeHead(http?.status ?? 400, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}
