import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What this request is known by in the server's log, and when it arrived (a monotonic clock, in ms). */
export interface RequestInfo {
  id: string;
  receivedAt: number;
}

/** An incoming X-Request-Id is kept when it looks like one (a UUID, a proxy's hex or ULID): nothing that could forge a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

const known = new WeakMap<IncomingMessage, RequestInfo>();

/**
 * The request's id and arrival time, the same wherever they are asked for during the request: the
 * caller's X-Request-Id when it is sane (so a proxy's id follows the request), otherwise a new UUID.
 */
export function requestInfo(req: IncomingMessage): RequestInfo {
  let info = known.get(req);
  if (!info) {
    const given = req.headers['x-request-id'];
    info = { id: typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID(), receivedAt: performance.now() };
    known.set(req, info);
  }
  return info;
}
