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

/** Sends the hub's logger to memory until `stop()`: a test reads what an operator's log would hold. */
export function captureLogs(): LogCapture {
  const written: string[] = [];
  logSink.redirect({ write: (line: string) => written.push(line) });
  return {
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written.join(''),
    stop: () => logSink.redirect(null),
  };
}
