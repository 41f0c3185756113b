import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing, stopTracing } from '@hub/schema';
import { captureLogs, type LogCapture } from '@hub/schema/testing';
import { generateCity, type City } from '@hub/launcher/demo';
import { startTestHub, type TestHub } from './src/testHub.ts';

/**
 * Logs, metrics and traces of real requests (README, "Logs, metrics and traces"): one request's id in
 * its answer, its JSON log line and its trace; the trace from the gateway through each subgraph fetch
 * to the SQL statements; /metrics counting the traffic; nothing personal in the log.
 */

/** HR's person root, the Staffing Office's own ledger entry, and Organization's not-shared appointment date (denied to Staffing). */
const PERSON = 'query PersonCard($p: ID!) { person(idNumber: $p) { name ledgerEntry { staffingCardNumber } cadre { appointedOn } } }';

const spans = new InMemorySpanExporter();
let logs: LogCapture;
let city: City;
let hub: TestHub;
let staffing: Record<string, string>;
/** A person with a ledger entry and a cadre record: the ID number the tests put in variables. */
let person: string;
let metricsUrl: string;

beforeAll(async () => {
  // Tracing and the log capture first: the databases the hub opens are traced from their start.
  startTracing({ serviceName: 'staffing-hub-test', exporter: spans });
  logs = captureLogs();
  city = generateCity();
  hub = await startTestHub(() => city);
  staffing = await hub.as({ office: 'staffing', role: 'REVIEWER' });
  const cadres = new Set(city.organization.cadres.map((c) => c.idNumber));
  person = city.staffing.ledgerEntries.find((l) => cadres.has(l.idNumber))!.idNumber;
  metricsUrl = hub.url.replace(/\/graphql$/, '/metrics');
});
afterAll(async () => {
  await hub?.stop();
  logs?.stop();
  await stopTracing();
});

/** POSTs an operation with its own request id; returns the answer, its X-Request-Id and the id. */
async function ask(requestId: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = staffing) {
  const response = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, header: response.headers.get('x-request-id'), answer: (await response.json()) as any };
}

/** The request's log line (`msg: request`), once the answer has been sent. */
async function requestLine(requestId: string) {
  for (let i = 0; i < 100; i++) {
    const line = logs.lines().find((l) => l.msg === 'request' && l.requestId === requestId);
    if (line) return line as any;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line for ${requestId}`);
}

/** One sample of the Prometheus text: the value of `name{labels}` (labels in any order), 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const given = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => given[k] === v)) total += Number(match[3]);
  }
  return total;
}

const scrape = async (headers: Record<string, string> = {}) => {
  const response = await fetch(metricsUrl, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('one request, one id', () => {
  it('is the same in X-Request-Id, the answer, its JSON log line and its trace, which runs from the gateway through each fetch to SQL', async () => {
    spans.reset();
    const id = 'obs-test-0001';
    const { status, header, answer } = await ask(id, PERSON, { p: person });
    expect(status).toBe(200);
    expect(answer.data.person.name).toBeTruthy();
    expect(answer.data.person.ledgerEntry).not.toBeNull();
    // The not-shared field is refused at its path, the rest of the answer intact.
    expect(answer.errors.map((e: any) => e.extensions.code)).toContain('FORBIDDEN');
    expect(header).toBe(id);
    expect(answer.extensions.requestId).toBe(id);

    const line = await requestLine(id);
    expect(line).toMatchObject({
      level: 30,
      requestId: id,
      method: 'POST',
      path: '/graphql',
      status: 200,
      outcome: 'refused',
      operation: { name: 'PersonCard', type: 'query' },
      viewer: { office: 'staffing', role: 'REVIEWER' },
    });
    expect(line.operation.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(line.durationMs).toBeGreaterThan(0);
    expect(line.refusals).toContainEqual(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(line.fetches.map((f: any) => f.subgraph).sort()).toEqual(['hr', 'staffing']);
    for (const fetch of line.fetches) expect(fetch).toMatchObject({ outcome: 'ok', ms: expect.any(Number) });

    // The trace: the gateway's span names the request; one fetch span per office under it; under
    // each, the office's own server span; under that, its SQL statements. One trace id for all.
    const finished = spans.getFinishedSpans();
    const gateway = finished.find((s) => s.attributes['hub.request_id'] === id && s.name === 'POST gateway')!;
    expect(gateway).toBeDefined();
    const traceId = gateway.spanContext().traceId;
    expect(line.traceId).toBe(traceId);
    const inTrace = finished.filter((s) => s.spanContext().traceId === traceId);
    const childrenOf = (parent: ReadableSpan) => inTrace.filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId);
    const descendantsOf = (parent: ReadableSpan): ReadableSpan[] => childrenOf(parent).flatMap((c) => [c, ...descendantsOf(c)]);
    const fetches = descendantsOf(gateway).filter((s) => s.name.startsWith('fetch '));
    expect(fetches.map((s) => s.attributes['hub.subgraph']).sort()).toEqual(['hr', 'staffing']);
    for (const fetch of fetches) {
      expect(fetch.attributes['hub.request_id']).toBe(id);
      const office = fetch.attributes['hub.subgraph'];
      const [server, ...others] = childrenOf(fetch);
      expect(others).toEqual([]);
      expect(server!.name).toBe(`POST ${office}`);
      expect(server!.attributes['hub.office']).toBe(office);
      const statements = descendantsOf(server!).filter((s) => s.attributes['db.system.name'] === 'postgresql');
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.every((s) => s.attributes['db.namespace'] === office)).toBe(true);
      expect(statements.some((s) => String(s.attributes['db.query.text']).startsWith('select'))).toBe(true);
    }
    // Statements carry their text with placeholders, never the values: the ID number is in no span.
    expect(JSON.stringify(inTrace.map((s) => s.attributes))).not.toContain(person);
  });

  it('keeps a sane incoming id and replaces one that could forge a log line', async () => {
    const { header, answer } = await ask('bad id with spaces', '{ __typename }', {}, {});
    expect(header).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.extensions.requestId).toBe(header);
    expect((await requestLine(header!)).viewer).toBeNull();
  });
});

describe('the log', () => {
  it('never holds an ID number given in variables, nor the token, only the office and role', async () => {
    const id = 'obs-test-personal';
    await ask(id, PERSON, { p: person });
    // A failing lookup too: an ID number with a wrong check character, refused by HR.
    const wrong = `${person.slice(0, 17)}${person[17] === '0' ? '1' : '0'}`;
    await ask('obs-test-personal-2', PERSON, { p: wrong });
    await requestLine(id);
    await requestLine('obs-test-personal-2');
    const text = logs.text();
    expect(text).not.toContain(person);
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(staffing.authorization!.slice('Bearer '.length));
    const line = await requestLine(id);
    expect(Object.keys(line.viewer).sort()).toEqual(['office', 'role']);
  });

  it('names the refusal of a bad token with its code and reason', async () => {
    const { status } = await ask('obs-test-bad-token', '{ __typename }', {}, { authorization: 'Bearer not-a-token' });
    expect(status).toBe(401);
    const line = await requestLine('obs-test-bad-token');
    expect(line).toMatchObject({ status: 401, outcome: 'refused', refusals: [{ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' }] });
  });
});

describe('/metrics', () => {
  it('counts requests, denials and subgraph fetches as the traffic passes', async () => {
    const before = await scrape();
    expect(before.status).toBe(200);
    expect(before.type).toContain('text/plain');
    await ask('obs-test-metrics-1', PERSON, { p: person });
    await ask('obs-test-metrics-2', PERSON, { p: person });
    await ask('obs-test-metrics-3', '{ __typename }', {}, { authorization: 'Bearer not-a-token' });
    await requestLine('obs-test-metrics-3');
    const after = await scrape();
    const delta = (name: string, labels?: Record<string, string>) => sample(after.text, name, labels) - sample(before.text, name, labels);
    expect(delta('hub_gateway_requests_total', { operation: 'PersonCard', outcome: 'refused' })).toBe(2);
    expect(delta('hub_gateway_request_duration_seconds_count', { operation: 'PersonCard' })).toBe(2);
    expect(delta('hub_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'hr', outcome: 'ok' })).toBe(2);
    expect(delta('hub_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'staffing', outcome: 'ok' })).toBe(2);
    expect(delta('hub_gateway_denials_total', { kind: 'DENIAL' })).toBe(2);
    expect(delta('hub_gateway_denials_total', { kind: 'AUTH', reason: 'TOKEN_INVALID' })).toBe(1);
    expect(delta('hub_gateway_operation_log_append_duration_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(sample(after.text, 'hub_gateway_operation_log_queue_depth')).toBeGreaterThanOrEqual(0);
    // The outboxes are read at each scrape, the first included: each sending office answered its summary.
    for (const scraped of [before, after]) expect(sample(scraped.text, 'hub_outbox_summary_up', { office: 'staffing' })).toBe(1);
    // Nothing personal in a label.
    expect(after.text).not.toContain(person);
  });

  it('counts a failing office by subgraph and reason', async () => {
    const before = await scrape();
    await hub.subgraphs.staffing.suspend();
    try {
      const { answer } = await ask('obs-test-down', PERSON, { p: person });
      expect(answer.errors.map((e: any) => e.extensions.code)).toContain('SUBGRAPH_UNAVAILABLE');
    } finally {
      await hub.subgraphs.staffing.resume();
    }
    const line = await requestLine('obs-test-down');
    expect(line.outcome).toBe('partial');
    expect(line.fetches).toContainEqual(expect.objectContaining({ subgraph: 'staffing', outcome: 'UNREACHABLE' }));
    const after = await scrape();
    expect(sample(after.text, 'hub_gateway_subgraph_fetch_errors_total', { subgraph: 'staffing', reason: 'UNREACHABLE' })).toBe(
      sample(before.text, 'hub_gateway_subgraph_fetch_errors_total', { subgraph: 'staffing', reason: 'UNREACHABLE' }) + 1,
    );
  });

  it('is refused to a caller behind a proxy without the token, and to a wrong token', async () => {
    const proxied = await scrape({ 'x-forwarded-for': '203.0.113.7' });
    expect(proxied.status).toBe(401);
    expect(JSON.parse(proxied.text).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'METRICS_TOKEN_REQUIRED' });
    const wrong = await scrape({ authorization: 'Bearer wrong' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.text).errors[0].extensions.reason).toBe('METRICS_TOKEN_INVALID');
    expect(proxied.text).not.toContain('hub_gateway_requests_total');
  });
});
