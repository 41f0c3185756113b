import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import { context as otelContext, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ErrorCode, hubError, hubTracer, logger, type Viewer, withServerSpan } from '@hub/schema';
import type { ServiceName } from '@hub/schema/contracts';
import type { LogEntryInput, OperationLog } from '../audit/operationLog.ts';
import { requestInfo } from '../errors/requestInfo.ts';
import type { Route } from '../httpServer.ts';
import { createGatewayMetrics, type GatewayMetrics } from './gatewayMetrics.ts';
import { metricsAccess } from './metricsAccess.ts';
import { loggableOperationName, operationLabels } from './operationLabels.ts';
import { outboxGauges } from './outboxGauges.ts';

/** What one request's log line and metrics say, gathered while it runs. */
interface RequestObservation {
  requestId: string;
  receivedAt: number;
  traceId?: string;
  operation?: { name: string | null; hash: string | undefined; type: string | undefined };
  viewer?: { office: string; role: string } | null;
  /** Each fetch from an office: which, how long (ms), and `ok` or the failure's reason. */
  fetches: { subgraph: string; ms: number; outcome: string }[];
  /** The coded errors of the answer, with their reason where they have one (a token's, a denial's). */
  refusals: { code: string; reason?: string }[];
  failed: boolean;
  hadData: boolean;
}

/** Where a request's observation rides on its GatewayContext. */
const OBSERVATION = Symbol('observation');

/** Codes that are the hub failing rather than the caller refused. */
const FAILURES = new Set<unknown>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SUBGRAPH_UNAVAILABLE, 'DOWNSTREAM_SERVICE_ERROR']);
/** The most refusals one log line lists (an answer may carry a FORBIDDEN per row). */
const MAX_REFUSALS = 20;
/** A reason label is one of the hub's own codes (SCREAMING_SNAKE); anything else counts as OTHER. */
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const codeLabel = (value: unknown) => (typeof value === 'string' && CODE.test(value) ? value : 'OTHER');

export interface ObservabilityOptions {
  /** Bearer token that opens /metrics from anywhere (METRICS_TOKEN); without it only loopback callers read it. */
  metricsToken?: string | undefined;
  /** To read each office's outbox summary when /metrics is scraped. */
  secret: string;
  urls: Record<ServiceName, string>;
  now: () => Date;
}

/**
 * The gateway's logs, metrics and traces (README, "Logs, metrics and traces"), hooked in where the
 * gateway already has seams, so that no part of it knows about them:
 * - `observeServer`: each HTTP request in a SERVER span (continuing a caller's `traceparent`), and,
 *   once answered, one JSON log line and the request metrics;
 * - `plugin` (Apollo Server): the operation's name, hash and type, the answer's coded refusals, and
 *   the request id in the answer's `extensions.requestId`;
 * - `context`: links the request's GatewayContext to its observation; a refused token is noted;
 * - `dataSource`: each subgraph fetch timed, counted and, with tracing on, a CLIENT span whose
 *   `traceparent` goes to the office (not covered by the gateway's signature, so nothing else changes);
 * - `operationLog`: appends timed, their queue counted, every refusal it records counted by reason;
 * - `metricsRoute`: GET /metrics for Prometheus, with a token or from loopback.
 */
export function createObservability(options: ObservabilityOptions) {
  const metrics = createGatewayMetrics();
  outboxGauges(metrics.registry, options);
  const label = operationLabels();
  const byRequest = new WeakMap<IncomingMessage, RequestObservation>();
  // On the context itself, under a symbol: Apollo Server hands plugins and data sources a shallow copy
  // of the context the gateway built (an own symbol property is copied with it; a WeakMap key is not).
  const observed = (context: object) => (context as Record<symbol, RequestObservation | undefined>)[OBSERVATION];

  const finish = (req: IncomingMessage, res: ServerResponse, seen: RequestObservation) => {
    const seconds = (performance.now() - seen.receivedAt) / 1000;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const status = res.statusCode;
    if (status === 429) metrics.rateLimited.inc();
    const graphql = path === '/graphql' || path === '/';
    const outcome = outcomeOf(status, seen);
    if (graphql) {
      const labels = { operation: label(seen.operation?.name), outcome };
      metrics.requests.inc(labels);
      metrics.requestDuration.observe(labels, seconds);
    }
    const line = {
      requestId: seen.requestId,
      ...(seen.traceId ? { traceId: seen.traceId } : {}),
      method: req.method,
      path,
      status,
      outcome,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(seen.operation ? { operation: { ...seen.operation, name: loggableOperationName(seen.operation.name) } } : {}),
      viewer: seen.viewer ?? null,
      ...(seen.fetches.length ? { fetches: seen.fetches } : {}),
      ...(seen.refusals.length ? { refusals: seen.refusals } : {}),
    };
    // Probes and scrapes every few seconds would drown the requests: they are logged at debug only.
    if (path === '/health' || path === '/metrics') logger.debug(line, 'request');
    else logger.info(line, 'request');
  };

  const observeFetch = (subgraph: string, seen: RequestObservation | undefined, ms: number, outcome: string) => {
    metrics.fetchDuration.observe({ subgraph, outcome }, ms / 1000);
    if (outcome !== 'ok') metrics.fetchErrors.inc({ subgraph, reason: outcome });
    seen?.fetches.push({ subgraph, ms: Math.round(ms * 10) / 10, outcome });
  };

  const countRefusals = (entries: readonly LogEntryInput[]) => {
    for (const entry of entries) {
      if (!(entry.outcome === 'DENIED' || entry.outcome === 'REFUSED')) continue;
      for (const reason of reasonsOf(entry)) metrics.denials.inc({ kind: entry.kind, reason: codeLabel(reason) });
    }
  };

  return {
    metrics,

    /** Every request of `server` observed: its listener is wrapped (the gateway's own handler stays as it is). */
    observeServer(server: Server): void {
      const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
      server.removeAllListeners('request');
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        const { id, receivedAt } = requestInfo(req);
        const seen: RequestObservation = { requestId: id, receivedAt, fetches: [], refusals: [], failed: false, hadData: false };
        byRequest.set(req, seen);
        res.once('close', () => finish(req, res, seen));
        withServerSpan(req, res, 'gateway', { 'hub.request_id': id }, () => {
          seen.traceId = trace.getActiveSpan()?.spanContext().traceId;
          for (const handler of handlers) handler(req, res);
        });
      });
    },

    /** The gateway's context function, each context linked to its request's observation and a refused token noted. */
    context<T extends { viewer: Viewer | null }>(build: (req: IncomingMessage) => Promise<T>): (req: IncomingMessage) => Promise<T> {
      return async (req) => {
        const seen = byRequest.get(req);
        try {
          const built = await build(req);
          if (seen) {
            Object.defineProperty(built, OBSERVATION, { value: seen, enumerable: true });
            seen.viewer = built.viewer ? { office: built.viewer.office, role: built.viewer.role } : null;
          }
          return built;
        } catch (error) {
          const extensions = (error as { extensions?: { code?: unknown; reason?: unknown } }).extensions;
          if (seen && typeof extensions?.code === 'string')
            seen.refusals.push({ code: extensions.code, ...(typeof extensions.reason === 'string' ? { reason: extensions.reason } : {}) });
          throw error;
        }
      };
    },

    plugin: {
      async requestDidStart({ contextValue }) {
        const seen = observed(contextValue as object);
        return {
          async didResolveOperation({ operationName, queryHash, operation }) {
            if (seen) seen.operation = { name: operationName, hash: queryHash, type: operation?.operation };
            trace.getActiveSpan()?.setAttributes({
              'graphql.operation.name': loggableOperationName(operationName) ?? '',
              'graphql.operation.type': operation?.operation ?? '',
            });
          },
          async willSendResponse({ response, operationName, queryHash }) {
            if (response.body.kind !== 'single') return;
            const result = response.body.singleResult;
            if (seen) {
              seen.operation ??= { name: operationName ?? null, hash: queryHash, type: undefined };
              seen.hadData = result.data != null && Object.values(result.data).some((value) => value != null);
              for (const error of result.errors ?? []) {
                const code = error.extensions?.code;
                if (FAILURES.has(code)) seen.failed = true;
                else if (typeof code === 'string' && seen.refusals.length < MAX_REFUSALS) {
                  const reason = error.extensions?.reason;
                  seen.refusals.push({ code, ...(typeof reason === 'string' ? { reason } : {}) });
                }
              }
            }
            // Every answer names its request: the id the log line, the trace and X-Request-Id carry. A
            // retry answered from its Idempotency-Key is the first answer byte for byte, that request's id included.
            if (response.http.headers.get('idempotent-replayed')) return;
            const id = seen?.requestId ?? (contextValue as { requestId?: string }).requestId;
            if (id) result.extensions = { ...result.extensions, requestId: id };
          },
        };
      },
    } satisfies ApolloServerPlugin<object> as ApolloServerPlugin<object>,

    /** A subgraph's data source with each fetch of a query plan observed (its own hooks and fetcher untouched). */
    dataSource<T extends GraphQLDataSource<object>>(subgraph: string, source: T): T {
      const process = source.process.bind(source);
      source.process = async (request: GraphQLDataSourceProcessOptions<object>) => {
        if (!('incomingRequestContext' in request)) return process(request);
        const seen = observed(request.context);
        const started = performance.now();
        const tracer = hubTracer();
        const span = tracer?.startSpan(`fetch ${subgraph}`, {
          kind: SpanKind.CLIENT,
          attributes: { 'hub.subgraph': subgraph, ...(seen ? { 'hub.request_id': seen.requestId } : {}) },
        });
        let outcome = 'ok';
        try {
          if (span) {
            const active = trace.setSpan(otelContext.active(), span);
            request.request.http ??= { method: 'POST', url: '', headers: new Headers() } as never;
            propagation.inject(active, request.request.http!.headers, { set: (headers, key, value) => headers.set(key, value) });
            const response = await otelContext.with(active, () => process(request));
            outcome = fetchOutcome(response.errors);
            return response;
          }
          const response = await process(request);
          outcome = fetchOutcome(response.errors);
          return response;
        } catch (error) {
          outcome = 'ERROR';
          throw error;
        } finally {
          observeFetch(subgraph, seen, performance.now() - started, outcome);
          if (span) {
            span.setAttribute('hub.outcome', outcome);
            if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
            span.end();
          }
        }
      };
      return source;
    },

    /** The operation log with its appends timed and queued appends counted, and every refusal it keeps counted by reason. */
    operationLog(log: OperationLog): OperationLog {
      const timed = <R>(entries: readonly LogEntryInput[], append: () => Promise<R>): Promise<R> => {
        const end = metrics.logAppendDuration.startTimer();
        metrics.logQueueDepth.inc();
        return append().then(
          (result) => {
            end();
            metrics.logQueueDepth.dec();
            countRefusals(entries);
            return result;
          },
          (error: unknown) => {
            metrics.logQueueDepth.dec();
            metrics.logAppendErrors.inc();
            throw error;
          },
        );
      };
      return {
        ...log,
        append: (entry) => timed([entry], () => log.append(entry)),
        appendMany: (entries) => timed(entries, () => log.appendMany(entries)),
        appendWithin: (tx, entries) => timed(entries, () => log.appendWithin(tx, entries)),
      };
    },

    /** GET /metrics in Prometheus's text format, for a METRICS_TOKEN bearer or a caller on this machine. */
    metricsRoute: (async (req, res) => {
      if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/metrics') return false;
      const access = metricsAccess({ headers: req.headers, remoteAddress: req.socket.remoteAddress }, options.metricsToken);
      if (!access.allowed) {
        const error = hubError(
          ErrorCode.UNAUTHENTICATED,
          null,
          '读取指标须持指标令牌（METRICS_TOKEN），或从本机访问',
          'reading the metrics needs the metrics token (METRICS_TOKEN), or a call from this machine',
          { reason: access.reason },
        );
        res.writeHead(401, { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' });
        res.end(JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] }));
        return true;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
        res.end('仅限 GET / GET only');
        return true;
      }
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(req.method === 'HEAD' ? undefined : text);
      return true;
    }) satisfies Route,
  };
}

export type Observability = ReturnType<typeof createObservability>;
export type { GatewayMetrics };

/** ok, partial (data with an office's failure), refused (only the caller's refusals), rate_limited, error. */
function outcomeOf(status: number, seen: RequestObservation): string {
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'error';
  if (status >= 400) return 'refused';
  if (seen.failed) return seen.hadData ? 'partial' : 'error';
  return seen.refusals.length ? 'refused' : 'ok';
}

/** A fetch's outcome from the answer the guarded data source made of it: `ok`, or the reason an office failed. */
function fetchOutcome(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string {
  const failure = errors?.find((e) => e.extensions?.code === ErrorCode.SUBGRAPH_UNAVAILABLE);
  return failure ? codeLabel(failure.extensions?.reason) : 'ok';
}

/** The reasons an operation-log entry records for a refusal: the catalog's per field, or the code the caller got. */
function reasonsOf(entry: LogEntryInput): unknown[] {
  const detail = entry.detail ?? {};
  if (detail.reasons && typeof detail.reasons === 'object') return Object.values(detail.reasons);
  if (detail.why !== undefined) return [detail.why];
  if (detail.code !== undefined) return [detail.code];
  if (Array.isArray(detail.codes)) return detail.codes;
  return ['OTHER'];
}
