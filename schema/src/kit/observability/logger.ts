import { trace } from '@opentelemetry/api';
import pino from 'pino';
import { logSink } from './logSink.ts';
import { observabilityConfig } from './observabilityConfig.ts';

/**
 * The hub's one logger (pino): JSON lines on standard output, one object a line with `level`, `time`
 * (ms since the epoch), `msg` and the fields of the line, or human-readable in development
 * (LOG_FORMAT). Inside a traced request each line carries the request's `traceId` and `spanId`.
 * Nothing personal is given to it: request lines carry the viewer's office and role only, and errors
 * go through `logError`, which masks ID numbers and the request's values.
 */
export const logger = pino(
  {
    level: observabilityConfig.logLevel,
    base: { pid: process.pid },
    messageKey: 'msg',
    // Without tracing no span is ever active (the API's no-op context), so this finds nothing.
    mixin() {
      const context = trace.getActiveSpan()?.spanContext();
      return context ? { traceId: context.traceId, spanId: context.spanId } : {};
    },
  },
  logSink,
);
