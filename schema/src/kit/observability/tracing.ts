import { createRequire } from 'node:module';
import { type Tracer, trace } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { observabilityConfig } from './observabilityConfig.ts';

/**
 * The SDK, the exporter and the resource are loaded only when tracing starts (their CommonJS builds,
 * so that startTracing stays synchronous): a process with tracing off, as most run, does without them.
 */
const require = createRequire(import.meta.url);
const sdk = () => ({
  ...(require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node')),
  ...(require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base')),
  ...(require('@opentelemetry/resources') as typeof import('@opentelemetry/resources')),
});

/*
 * The process's tracing, on or off as a whole (README, "Logs, metrics and traces"). Three small
 * functions over one piece of state, kept together rather than split over three files: the state is
 * what they share.
 */

let provider: NodeTracerProvider | null = null;
let tracer: Tracer | null = null;

export interface TracingOptions {
  /** `service.name` of the spans (the process: `staffing-hub`, `staffing-hub-gateway`, `staffing-hub-hr` …). */
  serviceName: string;
  /** An OTLP/HTTP traces endpoint (`http://collector:4318/v1/traces`); spans are batched to it. */
  url?: string | undefined;
  /** Or an exporter of one's own, each span handed over as it ends (tests use the SDK's InMemorySpanExporter). */
  exporter?: SpanExporter | undefined;
}

/**
 * Starts OpenTelemetry's Node SDK for this process: the global tracer provider, the AsyncLocalStorage
 * context (a span opened in a request is the parent of what the request does) and the W3C
 * `traceparent` propagator. Without a URL or an exporter nothing is started, and every span the hub
 * would make is skipped before it is made: tracing off costs nothing. Call it first, before the
 * databases open (their statements are traced from the client each opens with).
 */
export function startTracing(options: TracingOptions): boolean {
  if (provider) return true;
  const exporter = options.exporter ?? (options.url ? otlpExporter(options.url) : undefined);
  if (!exporter) return false;
  const { NodeTracerProvider, resourceFromAttributes, SimpleSpanProcessor, BatchSpanProcessor } = sdk();
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register();
  tracer = trace.getTracer('staffing-hub');
  return true;
}

function otlpExporter(url: string): SpanExporter {
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  return new OTLPTraceExporter({ url });
}

/**
 * Tracing as the environment configures it (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME): on only
 * with an endpoint. The launcher, the gateway and each subgraph call it as they start; the first call
 * in a process starts it (and names the process), and gets the stop to call last; later ones get null.
 */
export function startConfiguredTracing(defaultServiceName: string): (() => Promise<void>) | null {
  if (provider || observabilityConfig.otlpTracesUrl === undefined) return null;
  startTracing({ serviceName: observabilityConfig.serviceName ?? defaultServiceName, url: observabilityConfig.otlpTracesUrl });
  return stopTracing;
}

/** The hub's tracer while tracing is on; null when it is off (callers then make no span at all). */
export function hubTracer(): Tracer | null {
  return tracer;
}

/** Sends the spans still batched and stops tracing (a stopping process calls it last). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = null;
  tracer = null;
  if (!stopping) return;
  await stopping.shutdown();
  trace.disable();
}
