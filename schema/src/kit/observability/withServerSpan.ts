import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Attributes, context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { hubTracer } from './tracing.ts';

/**
 * Runs `handle` for one HTTP request inside a SERVER span that continues the caller's trace (its W3C
 * `traceparent`, as the gateway sends it to each office), ended when the answer is sent or the
 * connection closes. With tracing off `handle` just runs.
 */
export function withServerSpan<T>(req: IncomingMessage, res: ServerResponse, name: string, attributes: Attributes, handle: () => T): T {
  const tracer = hubTracer();
  if (!tracer) return handle();
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const span = tracer.startSpan(
    `${req.method} ${name}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? '', 'url.path': path, ...attributes } },
    parent,
  );
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return context.with(trace.setSpan(parent, span), handle);
}
