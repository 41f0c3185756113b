import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateCity, type City } from '@hub/launcher/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestCounts, startTestHub, type TestGateway, type TestHub } from './src/index.ts';

/**
 * The fault suite: a gateway over the hub's subgraphs, with HR and the Staffing Office each behind a
 * fake office (a small proxy this test switches between answering, stopped, hung, slow, garbage, an
 * HTML 500 and a GraphQL error full of internals). Whatever the office does, the answer arrives
 * within the deadline, keeps the other offices' data, says SUBGRAPH_UNAVAILABLE at the failed
 * office's fields, and shows no URL, stack, SQL or host.
 */
const DEADLINES = { subgraphTimeoutMs: 2000, requestDeadlineMs: 2800 };
/** Generous: the deadline bounds the waiting; planning, the log and a loaded machine get the rest. */
const ANSWERED_WITHIN_MS = DEADLINES.requestDeadlineMs + 2000;

/** Within the subgraph timeout, but past the part of the request's deadline that would leave a full timeout for the next office. */
const DELAYED_MS = 1200;

type Mode = 'answering' | 'stopped' | 'hung' | 'slow' | 'delayed' | 'garbage' | 'html500' | 'graphqlError' | 'codedRefusal';

/** What the fake offices leak, if anything lets them: none of it may reach a client. */
const INTERNAL_URL = 'http://10.20.30.40:8443/graphql';
const SQL = 'SELECT id_number, name FROM hr.employments WHERE institution_credit_code = $1';
const HOST = 'db-hr-01.internal.example';
const STACK = ['Error: relation "hr.employments" does not exist', '    at Client.query (/srv/hr/node_modules/postgres/src/connection.js:790:26)'];
const LEAKS = [INTERNAL_URL, '10.20.30.40', SQL, 'SELECT ', HOST, '/srv/hr', '    at ', 'stacktrace', 'node_modules', '127.0.0.1', 'localhost', 'http://'];

/** A fake office in front of the real one: it forwards while answering, and misbehaves as told. */
async function fakeOffice(target: string) {
  let mode: Mode = 'answering';
  const open = new Set<ServerResponse>();
  const forward = async (req: IncomingMessage, res: ServerResponse, delayMs: number) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k))) as Record<
      string,
      string
    >;
    // The same path: the gateway's signature covers it.
    const answer = await fetch(new URL(req.url ?? '/', target), { method: 'POST', headers, body: Buffer.concat(chunks) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(await answer.text());
  };
  const server: Server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    switch (mode) {
      case 'answering':
        return void forward(req, res, 0);
      case 'delayed':
        return void forward(req, res, DELAYED_MS);
      case 'slow':
        return void forward(req, res, DEADLINES.requestDeadlineMs + 500);
      case 'hung':
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(`this is not JSON {{{ ${INTERNAL_URL}`);
      case 'html500':
        res.writeHead(500, { 'content-type': 'text/html' });
        return void res.end(`<html><body><h1>500</h1><p>upstream ${INTERNAL_URL} failed</p><pre>${STACK.join('\n')}</pre></body></html>`);
      case 'graphqlError':
        return json(200, {
          data: null,
          errors: [{ message: `${SQL}: ${STACK[0]}`, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: STACK, sql: SQL, host: HOST } }],
        });
      case 'codedRefusal':
        return json(200, {
          data: null,
          errors: [
            {
              message: '拒绝 / refused',
              path: ['_entities', 0, 'workforce'],
              extensions: {
                code: 'FORBIDDEN',
                reason: 'OTHER_UNIT',
                messageZh: '拒绝',
                messageEn: 'refused',
                stacktrace: STACK,
                host: HOST,
                serviceUrl: INTERNAL_URL,
              },
            },
          ],
        });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const res of open) res.destroy();
      server.closeAllConnections();
    });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async set(next: Mode) {
      // Stopped: nothing listens on the port any more (connection refused); back on the same port after.
      if (next === 'stopped' && mode !== 'stopped') await stopListening();
      if (next !== 'stopped' && mode === 'stopped') await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      // Whatever was left hanging (a hung request) is cut, as a restarted office would.
      if (next === 'answering') for (const res of open) res.destroy();
      mode = next;
    },
    /** Requests it holds open (a hung one stays until the gateway gives up on it and closes the connection). */
    pending: () => open.size,
    stop: stopListening,
  };
}

let hub: TestHub;
let city: City;
let gateway: TestGateway;
let hr: Awaited<ReturnType<typeof fakeOffice>>;
let staffing: Awaited<ReturnType<typeof fakeOffice>>;
let organization: Record<string, string>;
/** Each fault's answer time, for the issue's closing note. */
const times: { fault: string; ms: number }[] = [];

beforeAll(async () => {
  city = generateCity({ seed: 7, institutions: 30, persons: 600 });
  hub = await startTestHub(() => city);
  hr = await fakeOffice(hub.subgraphs.hr.url);
  staffing = await fakeOffice(hub.subgraphs.staffing.url);
  gateway = await hub.startGateway({ now: () => new Date(), subgraphUrls: { hr: hr.url, staffing: staffing.url }, deadlines: DEADLINES });
  organization = await gateway.as({ office: 'organization', role: 'OPERATOR' });
});
afterAll(async () => {
  if (times.length) {
    console.log(`fault suite answer times (subgraph timeout ${DEADLINES.subgraphTimeoutMs} ms, request deadline ${DEADLINES.requestDeadlineMs} ms):`);
    console.table(times);
  }
  await gateway?.stop();
  await hr?.stop();
  await staffing?.stop();
  await hub?.stop();
});

/** Asks the fault gateway as the Organization Department (the catalog lets it read every field here); the raw text kept for leak checks. */
async function ask(query: string, variables: Record<string, unknown>) {
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...organization },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const ms = Math.round(performance.now() - started);
  return { status: response.status, requestId: response.headers.get('x-request-id'), text, ms, ...(JSON.parse(text) as { data?: any; errors?: any[] }) };
}

const INSTITUTION = /* GraphQL */ `
  query Institution($code: ID!) {
    institution(creditCode: $code) {
      creditCode name kind leadershipPostsFilled
      budgetUnit { fundingForm budgetedHeadcount }
      workforce(first: 2) { totalCount nodes { type } }
    }
  }
`;

/** An institution with people (a workforce from HR). */
const busy = () => {
  const counts = new Map<string, number>();
  for (const e of city.hr.employments) counts.set(e.institutionCreditCode, (counts.get(e.institutionCreditCode) ?? 0) + 1);
  return city.staffing.institutions.find((i) => (counts.get(i.creditCode) ?? 0) > 2)!;
};

function expectNoLeak(text: string) {
  for (const leak of LEAKS) expect(text, `the answer contains "${leak}"`).not.toContain(leak);
}

/** Every error is SUBGRAPH_UNAVAILABLE of `office` for `reason`, bilingual, at exactly `paths`, with the request's id. */
function expectUnavailable(answer: Awaited<ReturnType<typeof ask>>, office: string, reason: string, paths: (string | number)[][]) {
  expect(answer.errors?.map((e) => e.path)).toEqual(paths);
  for (const error of answer.errors!) {
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', office, reason, requestId: answer.requestId });
    expect(error.extensions.messageZh).toBeTruthy();
    expect(error.extensions.messageEn).toBeTruthy();
    expect(error.extensions.detail).toBeUndefined();
  }
}

describe('an office failing', () => {
  let healthy: Awaited<ReturnType<typeof ask>>;

  beforeAll(async () => {
    healthy = await ask(INSTITUTION, { code: busy().creditCode });
  });

  it('answers in full while the fake offices forward (the baseline)', () => {
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data.institution).toMatchObject({ creditCode: busy().creditCode, name: busy().name });
    expect(healthy.data.institution.workforce.totalCount).toBeGreaterThan(2);
    expect(healthy.data.institution.budgetUnit).not.toBeNull();
  });

  const faults: [Mode, string][] = [
    ['stopped', 'UNREACHABLE'],
    ['hung', 'TIMEOUT'],
    ['slow', 'TIMEOUT'],
    ['garbage', 'BAD_RESPONSE'],
    ['html500', 'BAD_RESPONSE'],
    ['graphqlError', 'ERROR'],
  ];
  for (const [mode, reason] of faults) {
    it(`HR ${mode}: the other offices' data within the deadline, SUBGRAPH_UNAVAILABLE (${reason}) at HR's fields, nothing internal`, async () => {
      await hr.set(mode);
      try {
        const answer = await ask(INSTITUTION, { code: busy().creditCode });
        times.push({ fault: `hr ${mode}`, ms: answer.ms });
        expect(answer.ms).toBeLessThan(ANSWERED_WITHIN_MS);
        expect(answer.status).toBe(200);
        // Staffing's name and kind, Organization's post count and Finance's budget unit are all there.
        expect(answer.data.institution).toEqual({ ...healthy.data.institution, workforce: null });
        expectUnavailable(answer, 'hr', reason, [['institution', 'workforce']]);
        expectNoLeak(answer.text);
        // The fetch was aborted, not only given up on: the gateway closed its connection to the office.
        if (mode === 'hung') await expect.poll(() => hr.pending(), { timeout: 2000 }).toBe(0);
      } finally {
        await hr.set('answering');
      }
    });
  }

  it("passes an office's coded refusal on as it is, without the internals it carried", async () => {
    await hr.set('codedRefusal');
    try {
      const answer = await ask(INSTITUTION, { code: busy().creditCode });
      expect(answer.data.institution).toEqual({ ...healthy.data.institution, workforce: null });
      expect(answer.errors).toEqual([
        {
          message: '拒绝 / refused',
          path: ['institution', 'workforce'],
          extensions: { code: 'FORBIDDEN', reason: 'OTHER_UNIT', messageZh: '拒绝', messageEn: 'refused' },
        },
      ]);
      expectNoLeak(answer.text);
    } finally {
      await hr.set('answering');
    }
  });

  it('the request deadline: after a slow office, the next fetch gets only what is left of it', async () => {
    // Staffing answers within its timeout but late (1.2 s); HR, hung, is cut at the request's deadline, not a full timeout later.
    await staffing.set('delayed');
    await hr.set('hung');
    try {
      const answer = await ask(INSTITUTION, { code: busy().creditCode });
      times.push({ fault: `staffing delayed ${DELAYED_MS} ms, then hr hung`, ms: answer.ms });
      expect(answer.ms).toBeLessThan(ANSWERED_WITHIN_MS);
      expect(answer.data.institution).toEqual({ ...healthy.data.institution, workforce: null });
      expectUnavailable(answer, 'hr', 'DEADLINE', [['institution', 'workforce']]);
    } finally {
      await staffing.set('answering');
      await hr.set('answering');
    }
  });

  it("the Staffing Office hung: HR's person and employment stay, with null where the institution's name was", async () => {
    const employment = city.hr.employments.find((e) => e.institutionCreditCode === busy().creditCode)!;
    const query = /* GraphQL */ `
      query Person($id: ID!) { person(idNumber: $id) { idNumber name employment { type institution { creditCode name } } } }
    `;
    const before = await ask(query, { id: employment.idNumber });
    expect(before.errors).toBeUndefined();
    await staffing.set('hung');
    try {
      const answer = await ask(query, { id: employment.idNumber });
      times.push({ fault: 'staffing hung', ms: answer.ms });
      expect(answer.ms).toBeLessThan(ANSWERED_WITHIN_MS);
      const { institution, ...rest } = before.data.person.employment;
      expect(answer.data.person).toEqual({ ...before.data.person, employment: { ...rest, institution: { creditCode: institution.creditCode, name: null } } });
      expectUnavailable(answer, 'staffing', 'TIMEOUT', [['person', 'employment', 'institution', 'name']]);
      expectNoLeak(answer.text);
    } finally {
      await staffing.set('answering');
    }
  });

  it('HR stopped under a list: every row keeps its other fields, each missing one has its error', async () => {
    const query = /* GraphQL */ `
      query Ledger($code: ID!) { institution(creditCode: $code) { name ledger(first: 3) { nodes { name person { name } } } } }
    `;
    const before = await ask(query, { code: busy().creditCode });
    expect(before.errors).toBeUndefined();
    const rows = before.data.institution.ledger.nodes as { name: string; person: { name: string } }[];
    expect(rows.length).toBeGreaterThan(0);
    await hr.set('stopped');
    try {
      const answer = await ask(query, { code: busy().creditCode });
      expect(answer.data.institution.ledger.nodes).toEqual(rows.map((row) => ({ ...row, person: { name: null } })));
      expectUnavailable(
        answer,
        'hr',
        'UNREACHABLE',
        rows.map((_, i) => ['institution', 'ledger', 'nodes', i, 'person', 'name']),
      );
    } finally {
      await hr.set('answering');
    }
  });
});

/** Sends a raw HTTP request to the hub's own gateway (anonymous): status, the request id it answered with, the parsed body and its text. */
async function raw(init: { method?: string; search?: string; body?: unknown; headers?: Record<string, string> }) {
  const url = `${hub.url}${init.search ?? ''}`;
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, requestId: response.headers.get('x-request-id'), text, ...(JSON.parse(text) as { data?: any; errors?: any[] }) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('malformed and ambiguous requests', () => {
  const cases: [string, Parameters<typeof raw>[0], string, string?][] = [
    ['two operations and no operationName', { body: { query: 'query A { __typename } query B { __typename }' } }, 'BAD_REQUEST', 'OPERATION_NAME_REQUIRED'],
    ['an unknown operationName', { body: { query: 'query A { __typename }', operationName: 'Nope' } }, 'BAD_REQUEST', 'UNKNOWN_OPERATION_NAME'],
    [
      'an unknown operationName among two',
      { body: { query: 'query A { __typename } query B { __typename }', operationName: 'C' } },
      'BAD_REQUEST',
      'UNKNOWN_OPERATION_NAME',
    ],
    ['an empty query', { body: { query: '' } }, 'BAD_REQUEST'],
    ['no query at all', { body: { variables: {} } }, 'BAD_REQUEST'],
    ['a query that is not a string', { body: { query: 42 } }, 'BAD_REQUEST'],
    ['variables that are not an object', { body: { query: '{ __typename }', variables: [1, 2] } }, 'BAD_REQUEST'],
    ['variables that are a string', { body: { query: '{ __typename }', variables: 'x' } }, 'BAD_REQUEST'],
    ['an operationName that is not a string', { body: { query: '{ __typename }', operationName: 7 } }, 'BAD_REQUEST'],
    ['a batch (not accepted)', { body: [{ query: '{ __typename }' }, { query: '{ __typename }' }] }, 'BAD_REQUEST'],
    ['a body that is not JSON', { body: '{"query": ' }, 'BAD_REQUEST'],
    ['a syntax error', { body: { query: '{ institution(creditCode: ) }' } }, 'GRAPHQL_PARSE_FAILED'],
  ];
  for (const [name, request, code, reason] of cases) {
    it(`${name}: 400 ${code}${reason ? ` (${reason})` : ''}, bilingual, nothing internal`, async () => {
      const answer = await raw(request);
      expect(answer.status).toBe(400);
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.length).toBeGreaterThan(0);
      for (const error of answer.errors!) {
        expect(error.extensions).toMatchObject({ code, ...(reason ? { reason } : {}) });
        expect(error.extensions.messageZh).toBeTruthy();
        expect(error.extensions.messageEn).toBeTruthy();
      }
      expectNoLeak(answer.text);
    });
  }

  it('a mutation over GET: refused (405, POST allowed), not run, nothing internal', async () => {
    const query = encodeURIComponent('mutation { revokeGrant(id: "1", reason: "over GET") { __typename } }');
    const recording = hub.record();
    const answer = await raw({ method: 'GET', search: `?query=${query}`, headers: { 'apollo-require-preflight': 'true' } });
    expect(Object.values(requestCounts(recording.stop())).every((n) => n === 0)).toBe(true);
    expect(answer.status).toBe(405);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST' });
    expect(answer.errors?.[0]?.extensions.messageZh).toBeTruthy();
    expectNoLeak(answer.text);
  });

  it('suggests no names of the schema ("Did you mean …?"), for fields, arguments, types or enum values', async () => {
    const misspelt = [
      { query: '{ institution(creditCode: "x") { nam } }' },
      { query: '{ institution(creditCod: "x") { name } }' },
      { query: '{ institution(creditCode: "x") { ... on Institutio { name } } }' },
      { query: '{ institutions(kind: PARTY_ORGA) { totalCount } }' },
      { query: 'query ($k: InstitutionKind) { institutions(kind: $k) { totalCount } }', variables: { k: 'PARTY_ORGA' } },
    ];
    for (const body of misspelt) {
      const answer = await raw({ body });
      expect(answer.status).toBe(400);
      expect(answer.text).not.toMatch(/did you mean/i);
      expect(answer.text).not.toMatch(/"name"|PARTY_ORGAN"|"creditCode"|"Institution"/);
    }
  });
});

describe('the request id', () => {
  it('is made for every answer (a UUID), and one the caller sent is kept when it is sane', async () => {
    const made = await raw({ body: { query: '{ __typename }' } });
    expect(made.requestId).toMatch(UUID);
    const kept = await raw({ body: { query: '{ __typename }' }, headers: { 'x-request-id': 'proxy-7f3a9c2e41' } });
    expect(kept.requestId).toBe('proxy-7f3a9c2e41');
    for (const insane of ['short', 'has spaces in it', 'x'.repeat(200), 'semi;colon;value']) {
      const replaced = await raw({ body: { query: '{ __typename }' }, headers: { 'x-request-id': insane } });
      expect(replaced.requestId).toMatch(UUID);
    }
    // The pages and a refusal before GraphQL carry it too.
    expect((await fetch(hub.url.replace(/\/graphql$/, '/health'))).headers.get('x-request-id')).toMatch(UUID);
    expect((await raw({ body: '{"query": ' })).requestId).toMatch(UUID);
  });
});
