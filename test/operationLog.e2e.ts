import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultCatalog } from '@hub/schema/contracts';
import { startTestHub, type TestHub } from './src/testHub.ts';

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
/** The auditor's view of the whole log, newest first. */
const wholeLog = async () => (await hub.query(LOG, { first: 100 }, await as('auditor'))).data.operationLog;

beforeAll(async () => {
  hub = await startTestHub(undefined, { now: () => clock });
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
