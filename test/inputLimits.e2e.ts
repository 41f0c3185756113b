import { idNumberCheckChar } from '@hub/schema';
import { captureLogs } from '@hub/schema/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestCounts, startTestHub, type TestHub } from './src/testHub.ts';

const id = (body: string) => body + idNumberCheckChar(body);
const PERSON = id('41010219850317002');
const LONG_NAME = '欧阳'.repeat(50_000); // 100,000 characters
const REGISTER = 'mutation Register($i: RegisterPersonInput!) { registerPerson(input: $i) { person { idNumber } } }';
const PERSON_QUERY = 'query P($p: ID!) { person(idNumber: $p) { name } }';

let hub: TestHub;
let hrOperator: Record<string, string>;

/** Everything the hub's processes printed while a test ran (subgraphs and gateway run in this process): the log's lines and the console. */
let printed: () => string;
let logs: ReturnType<typeof captureLogs>;
beforeEach(() => {
  logs = captureLogs();
  const spies = (['error', 'warn', 'info', 'log'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
  printed = () =>
    [logs.text(), ...spies.flatMap((spy) => spy.mock.calls.flat().map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))))].join('\n');
});
afterEach(() => {
  logs.stop();
  vi.restoreAllMocks();
});

beforeAll(async () => {
  hub = await startTestHub();
  hrOperator = await hub.as({ office: 'hr', role: 'OPERATOR', sub: 'hr-operator' });
});
afterAll(async () => hub?.stop());

/** SQL statements sent by the offices (the catalog's are left out: the gateway's snapshot refresh reads it every second). */
function officeStatements() {
  const { catalog: _polled, ...offices } = hub.statementCounts();
  return offices;
}

/** Sends an operation that must be refused for its length: INPUT_TOO_LONG naming the field, no office sent any SQL. */
async function refusedForLength(
  query: string,
  variables: Record<string, unknown> | undefined,
  headers: Record<string, string>,
  expected: Record<string, unknown>,
) {
  const statements = officeStatements();
  const answer = await hub.query(query, variables, headers);
  expect(answer.errors, JSON.stringify(answer.errors)?.slice(0, 500)).toHaveLength(1);
  expect(answer.errors![0]!.extensions).toMatchObject({ code: 'INPUT_TOO_LONG', ...expected });
  expect(answer.errors![0]!.message).toMatch(/超过 .* \/ .* is longer than/);
  expect(officeStatements()).toEqual(statements);
  return answer;
}

describe('input limits through the gateway', () => {
  it('refuse a 100,000-character name in variables with INPUT_TOO_LONG naming input.name; nothing is written or logged', async () => {
    const recording = hub.record();
    const answer = await refusedForLength(REGISTER, { i: { idNumber: PERSON, name: LONG_NAME, ethnicity: '汉族', nativePlace: '河南郑州' } }, hrOperator, {
      field: 'input.name',
      limit: 64,
      unit: 'chars',
      actual: 100_000,
      operationField: 'registerPerson',
    });
    expect(answer.data).toEqual({ registerPerson: null }); // the refused write only: its payload is nullable
    // The gateway forwarded the write once, and the HR subgraph refused it before any resolver ran.
    expect(requestCounts(recording.stop()).hr).toBe(1);
    expect((await hub.query(PERSON_QUERY, { p: PERSON }, hrOperator)).data).toEqual({ person: null });
    const out = printed();
    expect(out).not.toContain(PERSON);
    expect(out).not.toContain('欧阳欧阳');
  });

  it('refuse the same name written as a literal in the document', async () => {
    const literal = `mutation { registerPerson(input: { idNumber: "${PERSON}", name: "${LONG_NAME}", ethnicity: "汉族", nativePlace: "河南郑州" }) { person { idNumber } } }`;
    await refusedForLength(literal, undefined, hrOperator, { field: 'input.name', limit: 64 });
    expect(printed()).not.toContain('欧阳欧阳');
  });

  it('admit a name at the limit, and refuse one character more', async () => {
    const atLimit = '阿'.repeat(64);
    const registered = await hub.query(REGISTER, { i: { idNumber: PERSON, name: atLimit, ethnicity: '汉族', nativePlace: '河南郑州' } }, hrOperator);
    expect(registered.errors).toBeUndefined();
    expect((await hub.query(PERSON_QUERY, { p: PERSON }, hrOperator)).data).toEqual({ person: { name: atLimit } });
    // The write woke the message relay; its round (claims from the offices' outboxes) ends before the refusal's statements are counted.
    await hub.gateway.relay.drain();
    const other = id('41010219850317003');
    await refusedForLength(REGISTER, { i: { idNumber: other, name: `${atLimit}阿`, ethnicity: '汉族', nativePlace: '河南郑州' } }, hrOperator, {
      field: 'input.name',
      actual: 65,
    });
  });

  it("refuse the catalog's free text and lists: an access request's purpose, and too many items", async () => {
    const headers = await hub.as({ office: 'finance', role: 'OPERATOR', sub: 'finance-operator' });
    const request = 'mutation R($i: RequestAccessInput!) { requestAccess(input: $i) { request { id } } }';
    const base = { entryCode: 'any', purpose: '核对工资', periodFrom: '2026-01-01', periodTo: '2026-06-30' };
    const before = (await hub.query('{ accessRequests { id } }', undefined, headers)).data;
    await refusedForLength(request, { i: { ...base, purpose: '查'.repeat(1001) } }, headers, { field: 'input.purpose', limit: 1000 });
    const coordinates = Array.from({ length: 501 }, (_, i) => `Person.f${i}`);
    await refusedForLength(request, { i: { ...base, coordinates } }, headers, { field: 'input.coordinates', limit: 500, unit: 'items', actual: 501 });
    await refusedForLength(
      'mutation D($r: String!) { decideAccessRequest(id: "1", approve: false, reason: $r) { request { id } } }',
      { r: 'x'.repeat(5000) },
      headers,
      { field: 'reason', limit: 1000 },
    );
    // Nothing was written: the office sees the requests it saw before (the coordination group's standing one to Finance).
    expect((await hub.query('{ accessRequests { id } }', undefined, headers)).data).toEqual(before);
  });

  it("refuse an over-long filter of the gateway's own operation-log API", async () => {
    const auditor = await hub.as({ office: 'staffing', role: 'AUDITOR', sub: 'auditor' });
    await refusedForLength('query L($s: String) { operationLog(actorSub: $s) { totalCount } }', { s: 's'.repeat(129) }, auditor, {
      field: 'actorSub',
      limit: 128,
      operationField: 'operationLog',
    });
  });
});

describe('server logs', () => {
  const CONSTRAINT = 'e2e_refuses_this_name';
  const NAME = '司马相如';

  it('mask the ID number and name of a failed write in the database error they print', async () => {
    // A constraint the application does not know of makes the insert fail inside PostgreSQL: the
    // error's parameters and its detail ("Failing row contains …") hold the ID number and the name.
    await hub.subgraphs.hr.database.db.execute(`ALTER TABLE "hr"."persons" ADD CONSTRAINT ${CONSTRAINT} CHECK (name <> '${NAME}')`);
    try {
      const person = id('41010219900101004');
      const answer = await hub.query(REGISTER, { i: { idNumber: person, name: NAME, ethnicity: '汉族', nativePlace: '河南郑州' } }, hrOperator);
      // The office failed unexpectedly: the client gets its fields as unavailable, the detail only the log.
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', office: 'hr', reason: 'ERROR' });
      expect(JSON.stringify(answer)).not.toContain(CONSTRAINT);
      const out = printed();
      expect(out).toContain(CONSTRAINT); // the log says what failed
      expect(out).toContain(`${person.slice(0, 6)}${'*'.repeat(11)}${person.slice(17)}`);
      expect(out).not.toContain(person);
      expect(out).not.toContain(NAME);
    } finally {
      await hub.subgraphs.hr.database.db.execute(`ALTER TABLE "hr"."persons" DROP CONSTRAINT ${CONSTRAINT}`);
    }
  });
});
