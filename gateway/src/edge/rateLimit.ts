import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode, hubError, logError, logger, type Role, type Viewer } from '@hub/schema';
import type { OperationLog } from '../audit/operationLog.ts';
import { clientAddress, trustedProxies } from './clientAddress.ts';

/** What one identity may send: `perSecond` requests each second, and up to `burst` more within one burst window. */
export interface RateBudget {
  perSecond: number;
  burst: number;
}

export interface RateLimitOptions {
  /** A caller without a valid token, per client address (RATE_LIMIT_ANONYMOUS). */
  anonymous: RateBudget;
  /** A caller with a token, per office and subject (RATE_LIMIT_AUTHENTICATED). */
  authenticated: RateBudget;
  /** A role's own budget in place of `authenticated` (RATE_LIMIT_ROLES). */
  roles: Partial<Record<Role, RateBudget>>;
  /** Seconds over which a burst is counted (RATE_LIMIT_BURST_WINDOW). */
  burstWindow: number;
  /** Redis shared by every gateway instance (REDIS_URL); in this process's memory without it. */
  redisUrl?: string | undefined;
  /** Prefix of the limiter's keys in Redis (RATE_LIMIT_KEY_PREFIX). */
  keyPrefix: string;
  /** Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES: addresses or CIDR ranges); none by default. */
  trustedProxies: readonly string[];
}

/**
 * A person clicking sends a few requests a second, a batch job paging through a ledger a few dozen
 * and a page load a burst of them: 20 a second and bursts of 100 leave all of those alone, while
 * one token sending 130 a second (as found) is refused from its second second on. An anonymous
 * caller reads only open entries and the pages: 10 a second and bursts of 40 per address.
 */
export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  anonymous: { perSecond: 10, burst: 40 },
  authenticated: { perSecond: 20, burst: 100 },
  roles: {},
  burstWindow: 10,
  keyPrefix: 'hub:rate',
  trustedProxies: [],
};

interface Limiter {
  consume(key: string): Promise<RateLimiterRes>;
}

export interface RateLimit {
  /** Answers 429 (and returns true) when the caller is over its budget; otherwise lets the request on. */
  check(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Rate limits per identity, before any GraphQL work or page: rate-limiter-flexible's BurstyRateLimiter
 * (a per-second budget, and a burst allowance over a longer window: its form of a token bucket), in
 * memory or in Redis so that every gateway shares one budget; each Redis limiter falls back to memory
 * while Redis is unreachable. A refusal is answered 429 with Retry-After and RATE_LIMITED, and logged
 * as a denial: the first of each identity in each second, so a flood cannot turn the log into its amplifier.
 */
export async function createRateLimit(
  options: RateLimitOptions,
  deps: { identify: (req: IncomingMessage) => Promise<Viewer | null>; log: OperationLog },
): Promise<RateLimit> {
  const redis = options.redisUrl ? await connectRedis(options.redisUrl) : undefined;
  const trusted = trustedProxies(options.trustedProxies);
  const store = (keyPrefix: string, points: number, duration: number) => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    return redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory;
  };
  const limiters = new Map<string, Limiter>();
  const limiterOf = (name: string, budget: RateBudget): Limiter => {
    let limiter = limiters.get(name);
    if (!limiter) {
      const steady = store(`${options.keyPrefix}:${name}`, budget.perSecond, 1);
      limiter = budget.burst > 0 ? new BurstyRateLimiter(steady, store(`${options.keyPrefix}:${name}:burst`, budget.burst, options.burstWindow)) : steady;
      limiters.set(name, limiter);
    }
    return limiter;
  };
  const logged = new RateLimiterMemory({ keyPrefix: 'logged', points: 1, duration: 1 });
  const firstThisSecond = (key: string) =>
    logged.consume(key).then(
      () => true,
      () => false,
    );

  return {
    async check(req, res) {
      const viewer = await deps.identify(req).catch(() => null);
      // Only an anonymous caller is counted by its address (BlockList.check builds a SocketAddress per call).
      const address = viewer ? null : clientAddress(req, trusted);
      const roleBudget = viewer && options.roles[viewer.role];
      const [name, budget, key] = viewer
        ? roleBudget
          ? [`role:${viewer.role}`, roleBudget, `${viewer.office}:${viewer.sub}`]
          : ['authenticated', options.authenticated, `${viewer.office}:${viewer.sub}`]
        : ['anonymous', options.anonymous, address!];
      let refused: RateLimiterRes;
      try {
        await limiterOf(name, budget).consume(key);
        return false;
      } catch (rejection) {
        // A store failure with no fallback left: the request goes on rather than the hub stopping.
        if (!(rejection instanceof RateLimiterRes)) {
          logError({ source: 'gateway: rate limiter failed; the request goes on' }, rejection);
          return false;
        }
        refused = rejection;
      }
      const retryAfter = Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      if (await firstThisSecond(`${name}:${key}`)) {
        await deps.log.append({
          kind: 'DENIAL',
          outcome: 'DENIED',
          actor: viewer,
          detail: {
            code: ErrorCode.RATE_LIMITED,
            method: req.method,
            path: new URL(req.url ?? '/', 'http://localhost').pathname,
            ...(viewer ? {} : { address }),
            budget,
            retryAfter,
          },
        });
      }
      res.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfter) });
      const error = hubError(
        ErrorCode.RATE_LIMITED,
        null,
        `请求过于频繁（每秒 ${budget.perSecond} 次，突发 ${budget.burst} 次），请 ${retryAfter} 秒后重试`,
        `too many requests (${budget.perSecond} a second, bursts of ${budget.burst}); retry in ${retryAfter} s`,
        { retryAfter },
      );
      res.end(JSON.stringify({ errors: [error] }));
      return true;
    },
    async stop() {
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * One Redis connection for the limiters. No offline queue: while Redis is down a command fails at once
 * and the limiter answers from memory instead of holding the request. A start waits up to 3 s for it.
 */
async function connectRedis(url: string): Promise<Redis> {
  // Loaded only where REDIS_URL is set: a gateway limiting in memory does without the client.
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) logger.warn({ source: 'gateway: rate limits' }, `Redis for rate limits unreachable, limiting in memory meanwhile: ${error.message}`);
    down = true;
  });
  redis.on('ready', () => {
    down = false;
  });
  await Promise.race([redis.connect(), new Promise((resolve) => setTimeout(resolve, 3000).unref())]).catch(() => {});
  return redis;
}
