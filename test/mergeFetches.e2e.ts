import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCity, type City } from '@hub/launcher/demo';
import { readRequestBody, VIEWER_HEADER } from '@hub/schema';
import { requestCounts, startTestHub, type TestGateway, type TestHub } from './src/testHub.ts';

/** An answer without its own request id (extensions.requestId: every request has its own, merged or not). */
const withoutRequestId = (answer: object) => {
  const { extensions, ...rest } = answer as { extensions?: Record<string, unknown> };
  const { requestId: _, ...others } = extensions ?? {};
  return { ...rest, extensions: others };
};

/**
 * Merging identical in-flight subgraph fetches (README, "How fast the gateway is, beside Hive
 * Gateway"): the same query of the same viewer, in flight at once, reaches a subgraph once; the same
 * query of two viewers with different rights never shares an answer. The Staffing Office sits behind
 * a proxy that holds each request, so that the requests of one test are surely in flight together.
 */

const HOLD_MS = 1000;

/** A proxy in front of one subgraph that holds each request HOLD_MS, then forwards it; keeps each one's viewer header. */
async function holdingProxy(target: string): Promise<{ url: string; viewers: string[]; close(): Promise<void> }> {
  const viewers: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readRequestBody(req);
    viewers.push(String(req.headers[VIEWER_HEADER]));
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    const headers = Object.fromEntries(
      Object.entries(req.headers)
        .filter(([name]) => !['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(name))
        .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
    );
    const answer = await fetch(new URL(req.url ?? '/', target), { method: req.method, headers, body: new Uint8Array(body) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, viewers, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let city: City;
let hub: TestHub;
let gateway: TestGateway;
let proxy: Awaited<ReturnType<typeof holdingProxy>>;
/** One unit, and another whose ledger its unit operator may not read. */
let own: string;
let other: string;

/** Served by the Staffing Office alone: the same fetch, whoever asks. */
const LEDGER = `query Ledger($u: ID!) { institution(creditCode: $u) { name ledger(first: 3) { totalCount nodes { name } } } }`;

beforeAll(async () => {
  city = generateCity({ seed: 11, institutions: 20, persons: 400 });
  hub = await startTestHub(() => city);
  proxy = await holdingProxy(hub.subgraphs.staffing.url);
  gateway = await hub.startGateway({ now: () => new Date(), subgraphUrls: { staffing: proxy.url } });
  [own, other] = city.staffing.institutions.slice(0, 2).map((i) => i.creditCode) as [string, string];
});

afterAll(async () => {
  await gateway?.stop();
  await proxy?.close();
  await hub?.stop();
});

describe('merging identical in-flight subgraph fetches', () => {
  it('sends the same query of one viewer, asked four times at once, to the subgraph once; each caller gets the whole answer', async () => {
    const operator = await gateway.as({ office: 'staffing', role: 'OPERATOR', sub: 'staffing-operator' });
    const alone = await gateway.query(LEDGER, { u: other }, operator);
    expect(alone.errors).toBeUndefined();
    expect(alone.data.institution.ledger.nodes.length).toBeGreaterThan(0);

    const recording = hub.record();
    const answers = await Promise.all(Array.from({ length: 4 }, () => gateway.query(LEDGER, { u: other }, operator)));
    expect(requestCounts(recording.stop()).staffing).toBe(1);
    for (const answer of answers) expect(withoutRequestId(answer)).toEqual(withoutRequestId(alone));
    // Each caller has its own copy: not one object shared between answers.
    expect(new Set(answers.map((a) => a.data)).size).toBe(4);
  });

  it('never hands one viewer’s answer to another: two viewers of different rights asking the same query at once each get their own', async () => {
    const operator = await gateway.as({ office: 'staffing', role: 'OPERATOR', sub: 'staffing-operator' });
    const clerk = await gateway.as({ office: 'staffing', role: 'UNIT_OPERATOR', sub: 'unit-clerk', unit: own });
    // Asked one at a time, the operator reads the other unit's ledger and the unit operator is refused it.
    const operatorAlone = await gateway.query(LEDGER, { u: other }, operator);
    const clerkAlone = await gateway.query(LEDGER, { u: other }, clerk);
    expect(operatorAlone.errors).toBeUndefined();
    expect(operatorAlone.data.institution.ledger.nodes.length).toBeGreaterThan(0);
    expect(clerkAlone.errors?.map((e) => e.extensions?.reason)).toContain('OTHER_UNIT');
    expect(clerkAlone.data).not.toEqual(operatorAlone.data);

    const recording = hub.record();
    proxy.viewers.length = 0;
    const [a, b, c, d] = await Promise.all([
      gateway.query(LEDGER, { u: other }, operator),
      gateway.query(LEDGER, { u: other }, clerk),
      gateway.query(LEDGER, { u: other }, operator),
      gateway.query(LEDGER, { u: other }, clerk),
    ]);
    // One request per viewer reached the Staffing Office, each signed for its own viewer.
    expect(requestCounts(recording.stop()).staffing).toBe(2);
    expect(new Set(proxy.viewers).size).toBe(2);
    expect([a, c].map(withoutRequestId)).toEqual([operatorAlone, operatorAlone].map(withoutRequestId));
    expect([b, d].map(withoutRequestId)).toEqual([clerkAlone, clerkAlone].map(withoutRequestId));
  });

  it('sends every mutation, identical ones at once included', async () => {
    const operator = await gateway.as({ office: 'staffing', role: 'OPERATOR', sub: 'staffing-operator' });
    // A write refused by the office itself changes nothing, and still must reach it each time it is asked.
    const REPORT = `mutation Report($i: ReportRemovalInput!) { reportRemoval(input: $i) { removal { reason } } }`;
    const input = { i: { idNumber: '110105194912310020', reason: 'RESIGNATION', effectiveOn: '2026-10-31' } };
    const recording = hub.record();
    const answers = await Promise.all([gateway.query(REPORT, input, operator), gateway.query(REPORT, input, operator)]);
    expect(requestCounts(recording.stop()).staffing).toBe(2);
    for (const answer of answers) expect(answer.errors?.length).toBeGreaterThan(0);
  });
});
