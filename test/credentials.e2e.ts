import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remoteCatalogSource } from '@hub/gateway/remoteCatalogSource';
import { generateCity, type City } from '@hub/launcher/demo';
import { readRequestBody, SIGNED_COMPONENTS, VIEWER_HEADER } from '@hub/schema';
import { signedPost } from '@hub/schema/testing';
import type { ServiceName } from '@hub/schema/contracts';
import { requestCounts, startTestHub, type TestGateway, type TestHub } from './src/testHub.ts';

/**
 * The gateway's credential to a subgraph is bound to the request (README, "How the gateway vouches
 * for a request"). A second gateway reaches staffing and finance through proxies that keep what it
 * sent, byte for byte; those captured requests are then sent to the subgraphs as an attacker on the
 * network between them would: again, with another body, with a recomputed digest, to another
 * subgraph. Each refusal must reach no resolver (the subgraph's recorder sees nothing).
 */

/** One request as it crossed the wire from the gateway to a subgraph. */
interface Captured {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** A proxy in front of one subgraph that keeps every request it forwards. */
async function recordingProxy(target: string): Promise<{ url: string; captured: Captured[]; close(): Promise<void> }> {
  const captured: Captured[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readRequestBody(req);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
    captured.push({ path: req.url ?? '/', headers, body });
    const answer = await fetch(new URL(req.url ?? '/', target), { method: req.method, headers: forwardable(headers), body: new Uint8Array(body) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, captured, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The headers a client may set itself (fetch sets the connection's own). */
const forwardable = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(name)));

const sha256 = (bytes: Buffer | string) => `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`;
const viewerOf = (captured: Captured) => JSON.parse(Buffer.from(captured.headers[VIEWER_HEADER]!, 'base64url').toString('utf8'));

let city: City;
let hub: TestHub;
let gateway: TestGateway;
let proxies: Record<'staffing' | 'finance', Awaited<ReturnType<typeof recordingProxy>>>;
let paid: { idNumber: string; institutionCreditCode: string; monthlyGrossPay: number };
const operator = { office: 'hr', role: 'OPERATOR', sub: 'hr-operator' };
/** What an attacker wants from finance: conditional pay data (CZ-02-002), which needs Finance's approval. */
const payQuery = () =>
  JSON.stringify({
    query: `{ _entities(representations: [{ __typename: "Person", idNumber: "${paid.idNumber}" }]) { ... on Person { payroll { nameOnRecord monthlyGrossPay } } } }`,
  });

/** Sends a captured request (or a variation of it) straight to a subgraph; says what it answered and what reached its resolvers. */
async function sendTo(subgraph: ServiceName, request: { path?: string; headers: Record<string, string>; body: Buffer | string }) {
  const recording = hub.record();
  const response = await fetch(new URL(request.path ?? '/', hub.subgraphs[subgraph].url), {
    method: 'POST',
    headers: forwardable(request.headers),
    body: typeof request.body === 'string' ? request.body : new Uint8Array(request.body),
  });
  const text = await response.text();
  const body = JSON.parse(text);
  return { status: response.status, reason: body.errors?.[0]?.extensions?.reason, data: body.data, text, received: requestCounts(recording.stop())[subgraph] };
}
const refused = (reason: string) => ({ status: 401, reason, received: 0 });

beforeAll(async () => {
  city = generateCity({ seed: 11, institutions: 20, persons: 400 });
  paid = city.finance.payrollRecords.find((p) => p.onPayroll && city.hr.persons.some((h) => h.idNumber === p.idNumber))!;
  hub = await startTestHub(() => city);
  proxies = { staffing: await recordingProxy(hub.subgraphs.staffing.url), finance: await recordingProxy(hub.subgraphs.finance.url) };
  gateway = await hub.startGateway({ now: () => new Date(), subgraphUrls: { staffing: proxies.staffing.url, finance: proxies.finance.url } });
}, 240_000);
afterAll(async () => {
  await gateway?.stop();
  await Promise.all(Object.values(proxies ?? {}).map((p) => p.close()));
  await hub?.stop();
});

/** The last request the gateway sent to finance, for an hr operator reading whether a person is paid (unconditional). */
async function captureFinanceRequest(): Promise<Captured> {
  const before = proxies.finance.captured.length;
  const answer = await gateway.query(`{ person(idNumber: "${paid.idNumber}") { payroll { onPayroll } } }`, {}, await gateway.as(operator));
  expect(answer.errors).toBeUndefined();
  expect(answer.data).toEqual({ person: { payroll: { onPayroll: true } } });
  expect(proxies.finance.captured.length).toBe(before + 1);
  return proxies.finance.captured.at(-1)!;
}

/** The last request the gateway sent to staffing for an anonymous caller reading an open entry. */
async function captureAnonymousRequest(): Promise<Captured> {
  const before = proxies.staffing.captured.length;
  const answer = await gateway.query(`{ institution(creditCode: "${paid.institutionCreditCode}") { name } }`);
  expect(answer.errors).toBeUndefined();
  expect(proxies.staffing.captured.length).toBe(before + 1);
  return proxies.staffing.captured.at(-1)!;
}

describe("the gateway's credential to a subgraph", () => {
  it('is an RFC 9421 signature over the exact bytes sent, naming the viewer, and the subgraph answers it', async () => {
    const sent = await captureFinanceRequest();
    expect(sent.headers['content-digest']).toBe(sha256(sent.body));
    expect(sent.headers.signature).toMatch(/^hub=:[A-Za-z0-9+/]+=*:$/);
    const input = sent.headers['signature-input']!;
    expect(input.match(/^hub=\(([^)]*)\)/)![1]!.split(' ')).toEqual(SIGNED_COMPONENTS.map((c) => `"${c}"`));
    expect(input).toMatch(/;created=\d+;expires=\d+;nonce="[A-Za-z0-9_-]{22}";keyid="gateway:finance";alg="hmac-sha256";tag="staffing-hub-gateway"$/);
    expect(viewerOf(sent)).toEqual(operator);
    // The old bearer credential is gone: nothing but the signature vouches for the request.
    expect(sent.headers['x-hub-gateway-credential']).toBeUndefined();
    // Each request its own nonce.
    const again = await captureFinanceRequest();
    expect(again.headers['signature-input']).not.toBe(input);
  });

  it('runs once: the captured request sent again is refused as a replay', async () => {
    const sent = await captureFinanceRequest();
    expect(await sendTo('finance', sent)).toMatchObject(refused('CREDENTIAL_REPLAYED'));
  });

  it('runs nothing else: another body is refused, with its own digest too, and reads no pay', async () => {
    const sent = await captureFinanceRequest();
    const attacks = [
      await sendTo('finance', { ...sent, body: payQuery() }),
      await sendTo('finance', { ...sent, body: payQuery(), headers: { ...sent.headers, 'content-digest': sha256(payQuery()) } }),
      // Another path, another viewer (finance's own leader, who may read pay): the signature covers both.
      await sendTo('finance', { ...sent, path: '/graphql' }),
      await sendTo('finance', {
        ...sent,
        headers: { ...sent.headers, [VIEWER_HEADER]: Buffer.from(JSON.stringify({ office: 'finance', role: 'LEADER', sub: 'x' })).toString('base64url') },
      }),
    ];
    expect(attacks.map(({ status, reason, received }) => ({ status, reason, received }))).toEqual([
      refused('DIGEST_MISMATCH'),
      refused('CREDENTIAL_INVALID'),
      refused('CREDENTIAL_INVALID'),
      refused('CREDENTIAL_INVALID'),
    ]);
    for (const attack of attacks) {
      expect(attack.data).toBeUndefined();
      expect(attack.text).not.toContain(String(paid.monthlyGrossPay));
    }
  });

  it("opens its own subgraph only: finance's credential at hr, staffing's at finance", async () => {
    const sent = await captureFinanceRequest();
    expect(await sendTo('hr', sent)).toMatchObject(refused('CREDENTIAL_INVALID'));
    const toStaffing = await captureAnonymousRequest();
    expect(await sendTo('finance', toStaffing)).toMatchObject(refused('CREDENTIAL_INVALID'));
  });

  it("captured for an anonymous caller, reads no pay at finance, whatever the body; only the gateway's signature of a body opens it", async () => {
    const anonymous = await captureAnonymousRequest();
    expect(viewerOf(anonymous)).toBeNull();
    for (const headers of [anonymous.headers, { ...anonymous.headers, 'content-digest': sha256(payQuery()) }]) {
      const attack = await sendTo('finance', { headers, body: payQuery() });
      expect(attack).toMatchObject({ status: 401, received: 0 });
      expect(attack.text).not.toContain(String(paid.monthlyGrossPay));
    }
    // The subgraph itself checks unit scope only, not the catalog: the same body, signed as the
    // gateway signs, does read the pay. The signature is what stands between the two.
    const signed = await signedPost(hub.subgraphs.finance.url, { secret: hub.subgraphSecret, subgraph: 'finance', body: payQuery() });
    const opened = await sendTo('finance', signed);
    expect(opened).toMatchObject({ status: 200, received: 1 });
    expect(opened.data._entities[0].payroll.monthlyGrossPay).toBe(paid.monthlyGrossPay);
  });

  it('is refused when old or absent, _service and _entities included; a fresh one is answered', async () => {
    const url = hub.subgraphs.finance.url;
    const service = JSON.stringify({ query: '{ _service { sdl } }' });
    const old = await signedPost(url, { secret: hub.subgraphSecret, subgraph: 'finance', body: service, options: { now: new Date(Date.now() - 120_000) } });
    expect(await sendTo('finance', old)).toMatchObject(refused('CREDENTIAL_EXPIRED'));
    expect(await sendTo('finance', { headers: { 'content-type': 'application/json' }, body: service })).toMatchObject(refused('CREDENTIAL_MISSING'));
    expect(await sendTo('finance', { headers: { 'content-type': 'application/json' }, body: payQuery() })).toMatchObject(refused('CREDENTIAL_MISSING'));
    const fresh = await sendTo('finance', await signedPost(url, { secret: hub.subgraphSecret, subgraph: 'finance', body: service }));
    expect(fresh).toMatchObject({ status: 200, received: 1 });
    expect(fresh.data._service.sdl).toContain('monthlyGrossPay');
  });

  it("signs the catalog snapshot the same way, and the gateway's in-process log API still answers", async () => {
    const source = remoteCatalogSource(hub.subgraphs.catalog.url, hub.subgraphSecret);
    const [first, second] = [await source.load(), await source.load()];
    expect(first.entries.length).toBeGreaterThan(0);
    expect(second.entries.map((e) => e.code)).toEqual(first.entries.map((e) => e.code));
    await expect(remoteCatalogSource(hub.subgraphs.catalog.url, 'another secret').load()).rejects.toThrow(/HTTP 401/);
    // The reads above went through the second gateway, which logged them through its in-process audit subgraph.
    const log = await gateway.query('{ operationLog(first: 1) { totalCount } }', {}, await gateway.as({ office: 'staffing', role: 'AUDITOR', sub: 'auditor' }));
    expect(log.errors).toBeUndefined();
    expect(log.data.operationLog.totalCount).toBeGreaterThan(0);
  });
});
