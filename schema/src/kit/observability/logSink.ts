import { createRequire } from 'node:module';
import pino from 'pino';
import { observabilityConfig } from './observabilityConfig.ts';

/** Where log lines go: something with a `write(line)`, as pino's destinations are. */
export interface LogStream {
  write(line: string): unknown;
}

/**
 * Standard output, pretty-printed by pino-pretty when the configuration says so and it is installed
 * (a development dependency: a production install falls back to JSON lines).
 */
function defaultStream(): LogStream {
  if (observabilityConfig.logFormat === 'pretty') {
    try {
      const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => LogStream;
      return pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
    } catch {
      // Not installed (a production install): JSON lines, as in production.
    }
  }
  return pino.destination({ dest: 1, sync: true });
}

let target: LogStream | null = null;

/**
 * The one destination of the hub's logger. A sink rather than pino's stream directly, so that a test
 * can read what the hub logs (`captureLogs` in `@hub/schema/testing`) without a second logger.
 */
export const logSink = {
  write(line: string): void {
    target ??= defaultStream();
    target.write(line);
  },
  /** Sends the lines to `stream` from now on; null goes back to standard output. */
  redirect(stream: LogStream | null): void {
    target = stream;
  },
};
