import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: the hub's answers take milliseconds to a few seconds (the request deadline is 10 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** An operation-log append takes a millisecond or two; a queue behind a slow disk, more. */
const APPEND_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * The gateway's Prometheus metrics (README, "Logs, metrics and traces"), in a registry of its own so
 * that two gateways in one process (the tests, the benchmark) count apart. Labels take only values
 * the hub chooses or bounds (`operationLabel`), never an identity.
 */
export function createGatewayMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'hub_gateway_requests_total',
      help: 'GraphQL requests answered, by operation name and outcome (ok, partial, refused, rate_limited, error)',
      labelNames: ['operation', 'outcome'] as const,
      registers,
    }),
    requestDuration: new Histogram({
      name: 'hub_gateway_request_duration_seconds',
      help: 'Time from a GraphQL request’s arrival to its answer, by operation name and outcome',
      labelNames: ['operation', 'outcome'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    fetchDuration: new Histogram({
      name: 'hub_gateway_subgraph_fetch_duration_seconds',
      help: 'Time of one fetch of a query plan from one office, by subgraph and outcome (ok, or the failure’s reason)',
      labelNames: ['subgraph', 'outcome'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    fetchErrors: new Counter({
      name: 'hub_gateway_subgraph_fetch_errors_total',
      help: 'Fetches an office failed (TIMEOUT, DEADLINE, UNREACHABLE, BAD_RESPONSE, ERROR), by subgraph and reason',
      labelNames: ['subgraph', 'reason'] as const,
      registers,
    }),
    denials: new Counter({
      name: 'hub_gateway_denials_total',
      help: 'Refusals written to the operation log, by entry kind (DENIAL, AUTH, WRITE) and reason (the catalog’s decision or the code the caller got)',
      labelNames: ['kind', 'reason'] as const,
      registers,
    }),
    rateLimited: new Counter({
      name: 'hub_gateway_rate_limited_total',
      help: 'Requests answered 429 by the rate limit',
      registers,
    }),
    logAppendDuration: new Histogram({
      name: 'hub_gateway_operation_log_append_duration_seconds',
      help: 'Time from asking the operation log to append entries to their commit, waiting in its queue included',
      buckets: APPEND_BUCKETS,
      registers,
    }),
    logQueueDepth: new Gauge({
      name: 'hub_gateway_operation_log_queue_depth',
      help: 'Operation-log appends asked for and not yet committed',
      registers,
    }),
    logAppendErrors: new Counter({
      name: 'hub_gateway_operation_log_append_errors_total',
      help: 'Operation-log appends that failed',
      registers,
    }),
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
