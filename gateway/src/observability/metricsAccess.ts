import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/** Why /metrics was refused: no token where one is needed, or a wrong one. */
export type MetricsAccess = { allowed: true; via: 'token' | 'loopback' } | { allowed: false; reason: 'METRICS_TOKEN_REQUIRED' | 'METRICS_TOKEN_INVALID' };

/** Headers a proxy adds: a request that carries one came from elsewhere, whatever its socket's peer. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;

const isLoopback = (address: string | undefined) => {
  const plain = address?.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || (plain !== undefined && isIP(plain) === 4 && plain.startsWith('127.'));
};

/**
 * Who may read /metrics (README, "Logs, metrics and traces"): a bearer token equal to METRICS_TOKEN
 * (compared in constant time), or, with no token presented, a caller on this machine: a loopback peer
 * with no proxy's forwarding header (a proxy on the same host makes every peer loopback). A token that
 * is presented and wrong is refused, even from loopback.
 */
export function metricsAccess(request: { headers: IncomingHttpHeaders; remoteAddress: string | undefined }, token: string | undefined): MetricsAccess {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const [a, b] = [Buffer.from(given ?? ''), Buffer.from(token ?? '')];
    if (token && given && a.length === b.length && timingSafeEqual(a, b)) return { allowed: true, via: 'token' };
    return { allowed: false, reason: 'METRICS_TOKEN_INVALID' };
  }
  if (isLoopback(request.remoteAddress) && FORWARDED.every((name) => request.headers[name] === undefined)) return { allowed: true, via: 'loopback' };
  return { allowed: false, reason: 'METRICS_TOKEN_REQUIRED' };
}
