import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './src/testHub.ts';

/**
 * /health and /ready, as a load balancer probes them (README, "Health and readiness"): on the gateway
 * and on each subgraph, without a credential; the gateway's /ready turns 503 naming the office that
 * stopped answering, and 200 again once it answers.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const probe = async (base: string, path: string, method = 'GET') => {
  const response = await fetch(new URL(path, base), { method });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, cache: response.headers.get('cache-control') };
};

/** Probes /ready every 100 ms until it answers `status` (its answer is reused for up to a second). */
async function readyUntil(status: number) {
  let last = await probe(hub.url, '/ready');
  for (let i = 0; i < 50 && last.status !== status; i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await probe(hub.url, '/ready');
  }
  return last;
}

describe('health and readiness', () => {
  it('the gateway: /health alive, /ready with every dependency checked, no credential needed', async () => {
    expect(await probe(hub.url, '/health')).toEqual({ status: 200, body: { status: 'ok' }, cache: 'no-store' });
    const ready = await probe(hub.url, '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ready',
      checks: {
        database: 'ok',
        catalog: 'ok',
        'subgraph:organization': 'ok',
        'subgraph:staffing': 'ok',
        'subgraph:hr': 'ok',
        'subgraph:finance': 'ok',
        'subgraph:catalog': 'ok',
      },
    });
    expect(await probe(hub.url, '/ready', 'HEAD')).toMatchObject({ status: 200, body: null });
  });

  it('each subgraph: /health and /ready (its database) without the gateway’s signature; anything else still needs it', async () => {
    for (const subgraph of Object.values(hub.subgraphs)) {
      expect(await probe(subgraph.url, '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(await probe(subgraph.url, '/ready')).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'ok' } } });
      expect((await probe(subgraph.url, '/graphql')).status).toBe(405);
      const unsigned = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(unsigned.status).toBe(401);
    }
  });

  it('the gateway’s /ready turns 503 while an office is down, naming it, and 200 once it is back', async () => {
    await hub.subgraphs.hr.suspend();
    try {
      const down = await readyUntil(503);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        status: 'not ready',
        code: 'NOT_READY',
        checks: { 'subgraph:hr': 'unreachable', 'subgraph:staffing': 'ok', database: 'ok', catalog: 'ok' },
      });
      expect(down.body.messageZh).toBeTruthy();
      expect(down.body.messageEn).toBeTruthy();
      // Nothing of the refused connection's detail (address, port) reaches the caller.
      expect(JSON.stringify(down.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
      // Alive all the same.
      expect((await probe(hub.url, '/health')).status).toBe(200);
    } finally {
      await hub.subgraphs.hr.resume();
    }
    expect((await readyUntil(200)).body.checks['subgraph:hr']).toBe('ok');
  });
});
