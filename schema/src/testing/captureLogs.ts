import { logger } from '../kit/observability/logger.ts';
import { logSink } from '../kit/observability/logSink.ts';

/** The hub's log lines while a capture is open, each parsed (pino writes one JSON object a line). */
export interface LogCapture {
  /** Every line so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Every line so far as written. */
  text(): string;
  /** Ends the capture: the logger writes to standard output again. */
  stop(): void;
}

/**
 * Sends the hub's logger to memory until `stop()`, at `info` at least (the test suite runs at
 * LOG_LEVEL=warn, so that request lines do not flood its output): a test reads what an operator's log would hold.
 */
export function captureLogs(): LogCapture {
  const written: string[] = [];
  const level = logger.level;
  if (logger.levelVal > logger.levels.values.info!) logger.level = 'info';
  logSink.redirect({ write: (line: string) => written.push(line) });
  return {
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written.join(''),
    stop: () => {
      logSink.redirect(null);
      logger.level = level;
    },
  };
}
