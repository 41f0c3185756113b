import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPERATION_LIMITS } from '@hub/gateway';
import { generateCity, type City } from '@hub/launcher/demo';
import { creditCodeCheckChar } from '@hub/schema';
import { loadDefaultCatalog } from '@hub/schema/contracts';
import { startTestHub, type GraphQLAnswer, type TestHub } from './src/testHub.ts';
import { institutionAcrossOffices } from './src/queries.ts';

/**
 * The operation log as the gateway keeps it: the coordination group's changes and refusals arrive
 * from its subgraph and are logged by the gateway with before and after; the log's API is the
 * gateway's own. Everything goes through the gateway, as the offices' apps do.
 */
const CONDITIONAL = loadDefaultCatalog().find((e) => e.code === 'CZ-02-002')!;
const ITEMS = CONDITIONAL.items.map((i) => i.coordinate).sort();
/** Monday 16 November 2026, 10:00 in Beijing. */
const T0 = new Date('2026-11-16T02:00:00Z');

let hub: TestHub;
const clock = T0;
const viewers = {
  requester: { office: 'hr', role: 'OPERATOR', sub: 'li-requester' },
  reviewer: { office: 'finance', role: 'REVIEWER', sub: 'wang-reviewer' },
  auditor: { office: 'staffing', role: 'AUDITOR', sub: 'sun-auditor' },
  security: { office: 'organization', role: 'SECURITY_OFFICER', sub: 'bm' },
};
const as = (who: keyof typeof viewers) => hub.as(viewers[who]);
const LOG = `query Log($actorSub: String, $kind: String, $first: Int, $after: String) {
  operationLog(actorSub: $actorSub, kind: $kind, first: $first, after: $after) {
    totalCount nodes { seq kind outcome actorSub operationName coordinates purpose caseNumber detail } pageInfo { hasNextPage endCursor }
  }
}`;
/**
 * Two units of a demo city and their people, one of whom HR already has in the second unit while the
 * Staffing Office's ledger still lists them in the first (a transfer one office has recorded): a unit
 * operator of the first unit reading its ledger reaches a person HR refuses them.
 */
function twoUnits(): { city: City; unit: string; moved: string } {
  const full = generateCity({ seed: 3, institutions: 140, persons: 1400 });
  const [u, v] = full.staffing.institutions.filter((i) => full.staffing.ledgerEntries.filter((l) => l.institutionCreditCode === i.creditCode).length >= 2);
  const units = new Set([u!.creditCode, v!.creditCode]);
  const inUnits = <T extends { institutionCreditCode: string }>(rows: T[]) => rows.filter((r) => units.has(r.institutionCreditCode));
  const people = new Set(inUnits(full.hr.employments).map((e) => e.idNumber));
  const ofPeople = <T extends { idNumber: string }>(rows: T[]) => rows.filter((r) => people.has(r.idNumber));
  const moved = full.staffing.ledgerEntries.find((l) => l.institutionCreditCode === u!.creditCode)!.idNumber;
  const employments = inUnits(full.hr.employments).map((e) => (e.idNumber === moved ? { ...e, institutionCreditCode: v!.creditCode } : e));
  const city: City = {
    staffing: {
      institutions: full.staffing.institutions.filter((i) => units.has(i.creditCode)).map((i) => ({ ...i, parentCreditCode: null })),
      quotas: inUnits(full.staffing.quotas),
      ledgerEntries: inUnits(full.staffing.ledgerEntries),
      staffingCards: inUnits(full.staffing.staffingCards),
      removals: [],
    },
    hr: { persons: ofPeople(full.hr.persons), employments, insurances: ofPeople(full.hr.insurances) },
    organization: { cadres: inUnits(full.organization.cadres) },
    finance: { budgetUnits: inUnits(full.finance.budgetUnits), payrollRecords: inUnits(full.finance.payrollRecords) },
    planted: full.planted,
  };
  return { city, unit: u!.creditCode, moved };
}
const demo = twoUnits();

/** The auditor's view of the whole log, newest first. */
const wholeLog = async () => (await hub.query(LOG, { first: 100 }, await as('auditor'))).data.operationLog;

beforeAll(async () => {
  hub = await startTestHub(() => demo.city, { now: () => clock });
});
afterAll(async () => {
  await hub?.stop();
});

describe('the operation log, kept by the gateway', () => {
  let requestId: string;
  let grantId: string;

  it('logs each catalog change with who, before and after, the purpose and the case', async () => {
    const filed = await hub.query(
      `mutation Request($input: RequestAccessInput!) { requestAccess(input: $input) { request { id } } }`,
      { input: { entryCode: CONDITIONAL.code, purpose: '工资核对', caseNumber: 'HC-2026-017', periodFrom: '2026-11-16', periodTo: '2026-12-31' } },
      await as('requester'),
    );
    expect(filed.errors).toBeUndefined();
    requestId = filed.data.requestAccess.request.id;
    const decided = await hub.query(
      `mutation Decide($id: ID!) { decideAccessRequest(id: $id, approve: true, reason: "同意") { grant { id } } }`,
      { id: requestId },
      await as('reviewer'),
    );
    grantId = decided.data.decideAccessRequest.grant.id;

    const entries = (await wholeLog()).nodes;
    const changes = entries
      .filter((e: { kind: string }) => e.kind !== 'READ')
      .slice(0, 3)
      .reverse();
    expect(changes.map((e: any) => [e.kind, e.outcome, e.actorSub, e.operationName, JSON.parse(e.detail).action])).toEqual([
      ['REQUEST', 'ALLOWED', viewers.requester.sub, 'Request', 'REQUEST_ACCESS'],
      ['REQUEST', 'ALLOWED', viewers.reviewer.sub, 'Decide', 'APPROVE_ACCESS_REQUEST'],
      ['GRANT', 'ALLOWED', viewers.reviewer.sub, 'Decide', 'GRANT'],
    ]);
    expect(changes[0]).toMatchObject({ purpose: '工资核对', caseNumber: 'HC-2026-017', coordinates: ['Mutation.requestAccess', ...ITEMS] });
    expect(JSON.parse(changes[1].detail)).toMatchObject({
      field: 'Mutation.decideAccessRequest',
      before: { status: 'PENDING' },
      after: { status: 'APPROVED', decidedBy: viewers.reviewer.sub },
    });
  });

  it('enforces a grant at once, and its revocation on the next request', async () => {
    // Denied fields are cut before planning, so the decision shows whatever data the offices hold.
    const PAY = `{ institution(creditCode: "12410102MB34752R5T") { payroll(first: 1) { nodes { monthlyGrossPay } } } }`;
    const forbidden = async () =>
      ((await hub.query(PAY, {}, await as('requester'))).errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => e.extensions?.coordinate);
    expect(await forbidden()).toEqual([]);
    const revoked = await hub.query(
      `mutation Revoke($id: ID!) { revokeGrant(id: $id, reason: "核对结束") { grant { live } } }`,
      { id: grantId },
      await as('reviewer'),
    );
    expect(revoked.data.revokeGrant.grant).toEqual({ live: false });
    expect(await forbidden()).toEqual(['PayrollRecord.monthlyGrossPay']);
    const [revocation] = (await wholeLog()).nodes.filter((e: { kind: string }) => e.kind === 'GRANT');
    expect(JSON.parse(revocation.detail)).toMatchObject({ action: 'REVOKE_GRANT', before: { revokedAt: null }, after: { revokeReason: '核对结束' } });
  });

  it('logs a write the catalog office refused as WRITE REFUSED with its code and input, once, and nothing as allowed', async () => {
    const refiled = await hub.query(
      `mutation Request($input: RequestAccessInput!) { requestAccess(input: $input) { request { id } } }`,
      { input: { entryCode: CONDITIONAL.code, purpose: '再次核对', periodFrom: '2026-11-16', periodTo: '2026-12-31' } },
      await as('requester'),
    );
    const id = refiled.data.requestAccess.request.id;
    const before = (await wholeLog()).totalCount;
    // The requester's office tries to approve its own request.
    const selfApproval = await hub.query(
      `mutation Decide($id: ID!) { decideAccessRequest(id: $id, approve: true, reason: "同意") { grant { id } } }`,
      { id },
      await hub.as({ office: 'hr', role: 'LEADER', sub: 'hr-leader' }),
    );
    expect(selfApproval.errors?.[0]?.extensions).toMatchObject({ code: 'SELF_APPROVAL' });
    const log = await wholeLog();
    expect(log.totalCount).toBe(before + 1);
    expect(log.nodes[0]).toMatchObject({ kind: 'WRITE', outcome: 'REFUSED', actorSub: 'hr-leader', coordinates: ['Mutation.decideAccessRequest'] });
    expect(JSON.parse(log.nodes[0].detail)).toMatchObject({ code: 'SELF_APPROVAL', input: { id } });
  });

  it('shows an auditor everything and anyone else only their own entries, newest first, in pages', async () => {
    const all = await wholeLog();
    const own = (await hub.query(LOG, { first: 100 }, await as('requester'))).data.operationLog;
    expect(own.nodes.length).toBeGreaterThan(0);
    expect(own.nodes.every((n: { actorSub: string }) => n.actorSub === viewers.requester.sub)).toBe(true);
    expect(own.totalCount).toBe(all.nodes.filter((n: { actorSub: string }) => n.actorSub === viewers.requester.sub).length);
    // Asking for someone else's entries finds nothing rather than widening the search.
    expect((await hub.query(LOG, { actorSub: viewers.reviewer.sub }, await as('requester'))).data.operationLog).toEqual({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    const anonymous = await hub.query(LOG, {});
    expect(anonymous.data?.operationLog ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The anonymous attempt above is itself a DENIAL in the log: read the whole log again before paging it.
    const now = await wholeLog();
    expect(now.nodes[0]).toMatchObject({ kind: 'DENIAL', actorSub: null, coordinates: ['Query.operationLog'] });
    const first = (await hub.query(LOG, { first: 2 }, await as('auditor'))).data.operationLog;
    expect(first.nodes.map((n: { seq: number }) => n.seq)).toEqual(now.nodes.slice(0, 2).map((n: { seq: number }) => n.seq));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await hub.query(LOG, { first: 2, after: first.pageInfo.endCursor }, await as('auditor'))).data.operationLog;
    expect(second.nodes.map((n: { seq: number }) => n.seq)).toEqual(now.nodes.slice(2, 4).map((n: { seq: number }) => n.seq));
  });

  it('verifies the chain for auditors and security officers only', async () => {
    const VERIFY = `{ verifyOperationLog { ok entries head problem } }`;
    const verified = (await hub.query(VERIFY, {}, await as('security'))).data.verifyOperationLog;
    expect(verified).toEqual({ ok: true, entries: expect.any(Number), head: expect.stringMatching(/^[0-9a-f]{64}$/), problem: null });
    expect(verified.entries).toBeGreaterThanOrEqual((await wholeLog()).totalCount - 1);
    const refused = await hub.query(VERIFY, {}, await as('requester'));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

/** Runs `request` and returns its answer and the entries it added to the log, oldest first. */
async function logged(request: () => Promise<GraphQLAnswer<any>>) {
  const newest = async () => (await hub.gateway.log.search({}, { limit: 1, offset: 0 })).entries[0]?.seq ?? 0;
  const before = await newest();
  const answer = await request();
  const { entries } = await hub.gateway.log.search({}, { limit: 100, offset: 0 });
  return {
    answer,
    entries: entries.filter((e) => e.seq > before).reverse() as {
      kind: string;
      outcome: string;
      actorSub: string | null;
      coordinates: string[];
      detail: any;
    }[],
  };
}

/** A valid unified social credit code, one per n. */
const creditCode = (n: number) => {
  const first17 = `12410100MB${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

describe('what the log records is what happened', () => {
  const REGISTER = `mutation Register($i: RegisterInstitutionInput!) { registerInstitution(input: $i) { institution { creditCode } } }`;
  const institution = (n: number) => ({
    creditCode: creditCode(n),
    name: `测试机构${n}`,
    kind: 'PUBLIC_INSTITUTION',
    level: 'CITY',
    system: 'EDUCATION',
    fundingForm: 'FULL',
  });
  const staffing = () => hub.as({ office: 'staffing', role: 'OPERATOR', sub: 'zhao-operator' });
  const summary = (entries: Awaited<ReturnType<typeof logged>>['entries']) => entries.map((e) => [e.kind, e.outcome, e.coordinates, e.detail.code ?? null]);

  it('logs a write refused at its variables as WRITE REFUSED with the code, never as ALLOWED', async () => {
    const { answer, entries } = await logged(async () => hub.query(REGISTER, { i: { name: '缺少其余字段' } }, await staffing()));
    expect(answer.status).toBe(400);
    expect(summary(entries)).toEqual([['WRITE', 'REFUSED', ['Mutation.registerInstitution'], 'BAD_USER_INPUT']]);
  });

  it('logs each root field of a mutation by what became of it, once: one done, one refused', async () => {
    const TWO = `mutation Two($a: RegisterInstitutionInput!, $b: RegisterInstitutionInput!) {
      a: registerInstitution(input: $a) { institution { creditCode } }
      b: registerInstitution(input: $b) { institution { creditCode } }
    }`;
    const good = institution(1);
    const bad = { ...institution(2), creditCode: creditCode(2).slice(0, 17) + (creditCode(2).endsWith('0') ? '1' : '0') };
    const { answer, entries } = await logged(async () => hub.query(TWO, { a: good, b: bad }, await staffing()));
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['b'], 'INVALID_CREDIT_CODE']]);
    expect(summary(entries)).toEqual([
      ['WRITE', 'REFUSED', ['Mutation.registerInstitution'], 'INVALID_CREDIT_CODE'],
      ['WRITE', 'ALLOWED', ['Mutation.registerInstitution'], null],
    ]);
    expect(entries[0]!.detail).toMatchObject({ key: 'b', input: { b: bad } });
    expect(entries[1]!.detail.changes).toMatchObject([{ entity: 'Institution', key: good.creditCode, before: null, after: { name: good.name } }]);
    // What the log says is what the office holds.
    const held = await hub.query(`{ institution(creditCode: "${good.creditCode}") { name } }`, {}, await staffing());
    expect(held.data).toEqual({ institution: { name: good.name } });
  });

  it("logs a write the catalog refuses (another office's) as WRITE REFUSED with its reason, and not as a denial too", async () => {
    const { answer, entries } = await logged(async () => hub.query(REGISTER, { i: institution(3) }, await as('requester')));
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'WRITE_NOT_OWNER' });
    expect(summary(entries)).toEqual([['WRITE', 'REFUSED', ['Mutation.registerInstitution'], 'FORBIDDEN']]);
    expect(entries[0]!.detail).toMatchObject({ why: 'WRITE_NOT_OWNER', input: { i: institution(3) } });
  });

  it('logs requests refused before they run (parse, validation, operation limits) as denials with the viewer and the code', async () => {
    const nested = (depth: number) => `{ ${'... on Query { '.repeat(depth - 1)} __typename ${'} '.repeat(depth - 1)}}`;
    const aliases = (n: number) => `{ institution(creditCode: "${creditCode(1)}") { ${Array.from({ length: n }, (_, i) => `a${i}: name`).join(' ')} } }`;
    const cases: [string, string, string, string[]][] = [
      ['mutation {', 'GRAPHQL_PARSE_FAILED', 'PARSE', []],
      [`{ ${'__typename '.repeat(DEFAULT_OPERATION_LIMITS.tokens)} }`, 'TOO_MANY_TOKENS', 'PARSE', []],
      [`{ institution(creditCode: "${creditCode(1)}") { nope } }`, 'GRAPHQL_VALIDATION_FAILED', 'VALIDATION', ['Query.institution']],
      [nested(DEFAULT_OPERATION_LIMITS.depth + 1), 'OPERATION_TOO_DEEP', 'VALIDATION', []],
      [aliases(DEFAULT_OPERATION_LIMITS.aliases + 1), 'TOO_MANY_ALIASES', 'VALIDATION', ['Query.institution']],
      ['{ institutions(first: 1000) { nodes { quotas { category } } } }', 'OPERATION_TOO_COSTLY', 'REQUEST', ['Query.institutions']],
    ];
    for (const [query, code, stage, coordinates] of cases) {
      for (const who of ['requester', null] as const) {
        const { answer, entries } = await logged(async () => hub.query(query, {}, who ? await as(who) : {}));
        expect(answer.status, code).toBe(400);
        expect(answer.errors?.[0]?.extensions?.code, code).toBe(code);
        expect(
          entries.map((e) => [e.kind, e.outcome, e.actorSub, e.coordinates, e.detail.stage, e.detail.codes]),
          code,
        ).toEqual([['DENIAL', 'DENIED', who ? viewers[who].sub : null, coordinates, stage, [code]]]);
      }
    }
  });

  it('logs an operation whose query plan is refused (too many subgraph fetches) as a denial', async () => {
    const organization = await hub.as({ office: 'organization', role: 'OPERATOR', sub: 'org-planner' });
    const { answer, entries } = await logged(() => hub.query(institutionAcrossOffices(20, creditCode(1)), {}, organization));
    expect(answer.status).toBe(400);
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['TOO_MANY_SUBGRAPH_FETCHES']);
    expect(entries.map((e) => [e.kind, e.outcome, e.actorSub, e.coordinates, e.detail.stage, e.detail.codes])).toEqual([
      ['DENIAL', 'DENIED', 'org-planner', ['Query.institution'], 'PLAN', ['TOO_MANY_SUBGRAPH_FETCHES']],
    ]);
  });

  it('logs rows an office refused below the root (a unit operator reaching another unit’s person in a list) as one denial', async () => {
    const clerk = await hub.as({ office: 'staffing', role: 'UNIT_OPERATOR', sub: 'unit-clerk', unit: demo.unit });
    const LEDGER = `query Ledger($u: ID!) { institution(creditCode: $u) { ledger(first: 50) { nodes { name person { idNumber name } } } } }`;
    const { answer, entries } = await logged(() => hub.query(LEDGER, { u: demo.unit }, clerk));
    const refused = (answer.errors ?? []).filter((e) => e.extensions?.reason === 'OTHER_UNIT');
    expect(refused.length).toBe(1);
    // The other rows of the list are answered.
    expect(answer.data.institution.ledger.nodes.filter((n: { person: unknown }) => n.person !== null).length).toBeGreaterThan(0);
    const denials = entries.filter((e) => e.kind === 'DENIAL');
    expect(denials.map((e) => [e.outcome, e.actorSub, e.coordinates, e.detail.stage, e.detail.rowsRefused])).toEqual([
      ['DENIED', 'unit-clerk', ['LedgerEntry.person'], 'ROWS', 1],
    ]);
    expect(denials[0]!.detail.rows).toEqual([{ path: refused[0]!.path!.join('.'), coordinate: 'LedgerEntry.person', code: 'FORBIDDEN', why: 'OTHER_UNIT' }]);
    expect(await hub.gateway.log.verify()).toMatchObject({ ok: true });
  });
});
