import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { gatewayReader } from './gatewayReader.ts';

let close: (() => void) | null = null;
afterEach(() => close?.());

/** A gateway that answers the first `limited` requests 429 with `retryAfter`, then the data. */
async function gateway(limited: number, retryAfter: string) {
  let seen = 0;
  const server = createServer((_req, res) => {
    seen++;
    if (seen <= limited) {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter });
      res.end(JSON.stringify({ errors: [{ message: '请求过于频繁 / rate limited', extensions: { code: 'RATE_LIMITED' } }] }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { page: { rows: [['a']] } } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, seen: () => seen };
}

describe("the verification run's reader", () => {
  it('waits as a 429 asks (Retry-After) and reads again, rather than failing the run', async () => {
    const g = await gateway(3, '2');
    const waits: number[] = [];
    const read = gatewayReader(
      g.url,
      async () => 'token',
      async (ms) => void waits.push(ms),
    );
    expect(await read('{ page { rows } }')).toEqual({ page: { rows: [['a']] } });
    expect(waits).toEqual([2000, 2000, 2000]);
    expect(g.seen()).toBe(4);
  });

  it('gives up with the gateway’s refusal when the limit never lifts', async () => {
    const g = await gateway(1000, 'soon');
    const waits: number[] = [];
    const read = gatewayReader(
      g.url,
      async () => 'token',
      async (ms) => void waits.push(ms),
    );
    await expect(read('{ page { rows } }')).rejects.toThrow(/rate limited/);
    expect(waits.length).toBe(19);
    expect(new Set(waits)).toEqual(new Set([1000]));
  });
});
