export { logger } from './logger.ts';
export { observabilityConfig } from './observabilityConfig.ts';
export { hubTracer, startConfiguredTracing, startTracing, stopTracing, type TracingOptions } from './tracing.ts';
export { withServerSpan } from './withServerSpan.ts';
