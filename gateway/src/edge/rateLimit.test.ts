import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Viewer } from '@hub/schema';
import { captureLogs } from '@hub/schema/testing';
import type { LogEntryInput, OperationLog } from '../audit/operationLog.ts';
import { createRateLimit, DEFAULT_RATE_LIMITS, type RateLimit, type RateLimitOptions } from './rateLimit.ts';

/** A limiter in front of a server that answers 200; the caller is named by the `x-test-viewer` header (JSON), anonymous without it. */
async function limited(options: Partial<RateLimitOptions>) {
  const logged: LogEntryInput[] = [];
  const append = async (entry: LogEntryInput) => {
    logged.push(entry);
    return { seq: logged.length, hash: '' };
  };
  const log = { append } as unknown as OperationLog;
  const identify = async (req: IncomingMessage) => {
    const header = req.headers['x-test-viewer'];
    return typeof header === 'string' ? (JSON.parse(header) as Viewer) : null;
  };
  const limit = await createRateLimit({ ...DEFAULT_RATE_LIMITS, burstWindow: 120, ...options }, { identify, log });
  const server = createServer(async (req, res) => {
    if (await limit.check(req, res)) return;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  running.push({ limit, close: () => new Promise((resolve) => server.close(() => resolve())) });
  const send = (viewer?: Viewer) => fetch(url, { headers: viewer ? { 'x-test-viewer': JSON.stringify(viewer) } : {} });
  /** Statuses until the first 429 (at most 100 requests). */
  const untilRefused = async (viewer?: Viewer) => {
    for (let allowed = 0; allowed < 100; allowed++) {
      const response = await send(viewer);
      if (response.status === 429) return { allowed, response };
      await response.text();
    }
    throw new Error('never refused');
  };
  return { send, untilRefused, logged };
}
const running: { limit: RateLimit; close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const { limit, close } of running.splice(0)) {
    await close();
    await limit.stop();
  }
});

const alice: Viewer = { office: 'hr', role: 'OPERATOR', sub: 'alice' };

describe('rate limits', () => {
  it('refuses past the per-second budget and the burst with 429, Retry-After and a coded bilingual error', async () => {
    const { send, untilRefused } = await limited({ authenticated: { perSecond: 1, burst: 4 } });
    const { allowed, response } = await untilRefused(alice);
    expect(allowed).toBeGreaterThanOrEqual(5);
    expect(allowed).toBeLessThan(10);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(120);
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter, messageZh: expect.stringContaining('请求过于频繁') });
    // Office and subject are the identity: the same name in another office has its own budget.
    expect((await send({ ...alice, office: 'finance' })).status).toBe(200);
  });

  it('logs the first refusal of an identity in each second, not every one', async () => {
    const { send, untilRefused, logged } = await limited({ authenticated: { perSecond: 1, burst: 0 } });
    const started = Date.now();
    await untilRefused(alice);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await send(alice)).status);
    // Each second that turns meanwhile lets one more through (a budget of 1 a second, no burst); the rest are refused.
    const seconds = Math.floor((Date.now() - started) / 1000) + 1;
    expect(statuses.filter((status) => status !== 429).length).toBeLessThanOrEqual(seconds);
    const refusals = 1 + statuses.filter((status) => status === 429).length;
    // One entry each second at most, not one per refusal.
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(logged.length).toBeLessThanOrEqual(Math.min(seconds + 1, refusals - 1));
    expect(logged[0]).toMatchObject({
      kind: 'DENIAL',
      outcome: 'DENIED',
      actor: { office: 'hr', role: 'OPERATOR', sub: 'alice' },
      detail: { code: 'RATE_LIMITED', path: '/graphql', method: 'GET' },
    });
  });

  it('limits anonymous callers by address, and a role by its own budget', async () => {
    const { untilRefused, logged } = await limited({ anonymous: { perSecond: 1, burst: 1 }, roles: { AUDITOR: { perSecond: 1, burst: 1 } } });
    expect((await untilRefused()).allowed).toBeLessThan(5);
    expect(logged[0]).toMatchObject({ actor: null, detail: { address: '127.0.0.1' } });
    expect((await untilRefused({ office: 'finance', role: 'AUDITOR', sub: 'a' })).allowed).toBeLessThan(5);
  });

  it('keeps limiting, in memory, while Redis cannot be reached, and does not hold requests meanwhile', async () => {
    const logs = captureLogs();
    try {
      const { untilRefused } = await limited({ redisUrl: 'redis://127.0.0.1:1', keyPrefix: `test:${randomUUID()}`, authenticated: { perSecond: 1, burst: 2 } });
      expect((await untilRefused(alice)).allowed).toBeLessThan(6);
    } finally {
      logs.stop();
    }
    expect(logs.lines().filter((line) => line.level === 40 && String(line.msg).includes('Redis')).length).toBeGreaterThan(0);
  });
});
