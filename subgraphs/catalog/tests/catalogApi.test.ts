import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFreshDatabase, testConfig, type FreshDatabase } from '@hub/schema/testing';
import { OFFICES, type AuditRecord, type Office, type Viewer } from '@hub/schema';
import { loadDefaultCatalog } from '@hub/schema/contracts';
import { createContext } from '../src/context.ts';
import { openCatalogDatabase } from '../src/db/open.ts';
import { addMissingDefaults } from '../src/db/queries.ts';
import { accessRequests, catalogEntries, catalogItems, catalogVersions, grants } from '../src/db/schema.ts';
import { createServer } from '../src/server.ts';

const CATALOG = loadDefaultCatalog();
/** Monday 16 November 2026, 10:00 in Beijing. */
const T0 = new Date('2026-11-16T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

// The cases are picked from the default catalog by their share type, so they hold while it grows.
const isOffice = (office: string): office is Office => (OFFICES as readonly string[]).includes(office);
const CONDITIONAL = CATALOG.find((e) => e.shareType === 'CONDITIONAL' && e.status === 'ACTIVE' && isOffice(e.providerOffice))!;
const PROVIDER = CONDITIONAL.providerOffice as Office;
const [REQUESTER, BYSTANDER] = OFFICES.filter((o) => o !== PROVIDER) as [Office, Office];
const NOT_SHARED = CATALOG.find((e) => e.shareType === 'NOT_SHARED' && e.status === 'ACTIVE' && e.providerOffice !== REQUESTER)!;
const UNCONDITIONAL = CATALOG.find(
  (e) => e.shareType === 'UNCONDITIONAL' && e.status === 'ACTIVE' && !e.open && e.providerOffice !== REQUESTER && isOffice(e.providerOffice),
)!;
const CONDITIONAL_ITEMS = CONDITIONAL.items.map((i) => i.coordinate).sort();

const requester: Viewer = { office: REQUESTER, role: 'OPERATOR', sub: 'li-requester' };
const reviewer: Viewer = { office: PROVIDER, role: 'REVIEWER', sub: 'wang-reviewer' };
const leader: Viewer = { office: PROVIDER, role: 'LEADER', sub: 'zhou-leader' };
const coordinator: Viewer = { office: 'staffing', role: 'COORDINATOR', sub: 'zhao-coordinator' };
const auditor: Viewer = { office: 'finance', role: 'AUDITOR', sub: 'sun-auditor' };

let database: Awaited<ReturnType<typeof openCatalogDatabase>>;
let fresh: FreshDatabase | undefined;
let now: Date;
/** Every change the subgraph reported for the gateway's log during the test, in order. */
let reported: AuditRecord[];
const server = createServer();

beforeAll(async () => {
  expect(CONDITIONAL && NOT_SHARED && UNCONDITIONAL, 'the default catalog has an entry of every share type').toBeTruthy();
  fresh = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
  database = await openCatalogDatabase({ url: fresh?.url });
  await database.migrate();
});
afterAll(async () => {
  await database?.close();
  await fresh?.drop();
});
// Every test starts from the default catalog and nothing else.
beforeEach(async () => {
  for (const table of [grants, accessRequests, catalogVersions, catalogItems, catalogEntries]) await database.db.delete(table);
  await addMissingDefaults(database.db, CATALOG, 'system:test');
  now = T0;
  reported = [];
});

interface Result {
  data?: Record<string, any> | null;
  errors?: readonly { message: string; extensions?: Record<string, any> }[];
}

/** One operation as `viewer`, with a fresh context as the gateway builds one per request. */
async function run(viewer: Viewer | null, query: string, variables?: Record<string, unknown>): Promise<Result> {
  const contextValue = createContext(database.db, viewer, () => now);
  const response = await server.executeOperation({ query, variables }, { contextValue });
  reported.push(...contextValue.audit);
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

/** The data of an operation that must succeed. */
async function ok(viewer: Viewer | null, query: string, variables?: Record<string, unknown>) {
  const result = await run(viewer, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** The one error of an operation that must be refused. */
async function refused(viewer: Viewer | null, query: string, variables?: Record<string, unknown>) {
  const result = await run(viewer, query, variables);
  expect(result.errors).toHaveLength(1);
  return result.errors![0]!;
}

const tableCounts = async () => {
  const countOf = async (table: typeof grants | typeof accessRequests | typeof catalogVersions | typeof catalogEntries) =>
    (await database.db.select({ n: count() }).from(table))[0]!.n;
  return {
    requests: await countOf(accessRequests),
    grants: await countOf(grants),
    versions: await countOf(catalogVersions),
    entries: await countOf(catalogEntries),
    reported: reported.length,
  };
};

const REQUEST = `mutation Request($input: RequestAccessInput!) {
  requestAccess(input: $input) { request { id entryCode requesterOffice requesterSub purpose caseNumber coordinates periodFrom periodTo status submittedAt dueOn overdue } }
}`;
const DECIDE = `mutation Decide($id: ID!, $approve: Boolean!, $reason: String!, $expiresOn: Date) {
  decideAccessRequest(id: $id, approve: $approve, reason: $reason, expiresOn: $expiresOn) {
    request { id status decidedAt decidedBy decisionReason grant { id } }
    grant { id entryCode granteeOffice coordinates grantedAt expiresAt live }
  }
}`;
const REVOKE = `mutation Revoke($id: ID!, $reason: String!) {
  revokeGrant(id: $id, reason: $reason) { grant { id revokedAt revokedBy revokeReason live } }
}`;
const MY_ACCESS = `query Access($coordinates: [String!]) { myAccess(coordinates: $coordinates) { coordinate allowed reason message basis entryCode shareType } }`;
const UPDATE = `mutation Update($code: ID!, $input: UpdateCatalogEntryInput!) {
  updateCatalogEntry(code: $code, input: $input) { entry { code shareType shareConditions basis open version versions { version changedBy changedAt changes { field before after } } } }
}`;

const requestInput = (overrides: Record<string, unknown> = {}) => ({
  entryCode: CONDITIONAL.code,
  purpose: '机构编制核查：干部职务与实名制台账比对',
  caseNumber: 'HC-2026-017',
  periodFrom: '2026-11-16',
  periodTo: '2026-12-31',
  ...overrides,
});
async function fileRequest(viewer: Viewer = requester, overrides: Record<string, unknown> = {}) {
  return (await ok(viewer, REQUEST, { input: requestInput(overrides) })).requestAccess.request;
}

describe('catalog API: reading the catalog', () => {
  it('lists the catalog to anyone, filtered, with items and the first version', async () => {
    const data = await ok(
      null,
      `{ catalogEntries(shareType: CONDITIONAL) { code providerOffice shareType items { coordinate entryCode } versions { version changedBy changes { field } } } }`,
    );
    const conditional = CATALOG.filter((e) => e.shareType === 'CONDITIONAL');
    expect(data.catalogEntries.map((e: { code: string }) => e.code)).toEqual(conditional.map((e) => e.code).sort());
    const first = data.catalogEntries.find((e: { code: string }) => e.code === CONDITIONAL.code);
    expect(first).toEqual({
      code: CONDITIONAL.code,
      providerOffice: PROVIDER,
      shareType: 'CONDITIONAL',
      items: CONDITIONAL_ITEMS.map((coordinate) => ({ coordinate, entryCode: CONDITIONAL.code })),
      versions: [{ version: 1, changedBy: 'system:test', changes: [] }],
    });
  });

  it('finds one entry by code, also as a federation entity, and null for an unknown code', async () => {
    const one = await ok(null, `query($code: ID!) { catalogEntry(code: $code) { code name basis publishedOn } }`, { code: NOT_SHARED.code });
    expect(one.catalogEntry).toEqual({ code: NOT_SHARED.code, name: NOT_SHARED.name, basis: NOT_SHARED.basis, publishedOn: NOT_SHARED.publishedOn });
    expect((await ok(null, `{ catalogEntry(code: "XX-00-000") { code } }`)).catalogEntry).toBeNull();
    const entities = await ok(null, `query($r: [_Any!]!) { _entities(representations: $r) { ... on CatalogEntry { code shareType } } }`, {
      r: [{ __typename: 'CatalogEntry', code: CONDITIONAL.code }],
    });
    expect(entities._entities).toEqual([{ code: CONDITIONAL.code, shareType: 'CONDITIONAL' }]);
  });

  it('tells anyone, anonymous included, which fields they may read and why', async () => {
    const coordinates = [CONDITIONAL_ITEMS[0]!, NOT_SHARED.items[0]!.coordinate, UNCONDITIONAL.items[0]!.coordinate, 'Nothing.here'];
    const mine = await ok(requester, MY_ACCESS, { coordinates });
    expect(mine.myAccess).toEqual([
      expect.objectContaining({
        coordinate: coordinates[0],
        allowed: false,
        reason: 'CONDITIONAL_NO_GRANT',
        basis: CONDITIONAL.basis,
        entryCode: CONDITIONAL.code,
        shareType: 'CONDITIONAL',
      }),
      expect.objectContaining({
        coordinate: coordinates[1],
        allowed: false,
        reason: 'NOT_SHARED',
        basis: NOT_SHARED.basis,
        entryCode: NOT_SHARED.code,
        shareType: 'NOT_SHARED',
      }),
      {
        coordinate: coordinates[2],
        allowed: true,
        reason: 'UNCONDITIONAL',
        message: null,
        basis: null,
        entryCode: UNCONDITIONAL.code,
        shareType: 'UNCONDITIONAL',
      },
      expect.objectContaining({ coordinate: 'Nothing.here', allowed: false, reason: 'NOT_IN_CATALOG', entryCode: null, shareType: null }),
    ]);
    expect(mine.myAccess[0].message).toMatch(/有条件共享.* \/ .*shared on condition/);
    expect((await ok(leader, MY_ACCESS, { coordinates: [coordinates[0]] })).myAccess[0]).toMatchObject({ allowed: true, reason: 'OWNER' });
    const anonymous = await ok(null, MY_ACCESS);
    expect(anonymous.myAccess.map((a: { coordinate: string }) => a.coordinate)).toEqual(CATALOG.flatMap((e) => e.items.map((i) => i.coordinate)).sort());
    expect(anonymous.myAccess.find((a: { coordinate: string }) => a.coordinate === coordinates[2])).toMatchObject({ allowed: false, reason: 'NOT_OPEN' });
  });
});

describe('catalog API: access requests and grants', () => {
  it('runs request → approve → grant → read → revoke → refused again, reporting each change', async () => {
    const before = (await ok(requester, MY_ACCESS, { coordinates: CONDITIONAL_ITEMS })).myAccess;
    expect(before.every((a: { allowed: boolean; reason: string }) => !a.allowed && a.reason === 'CONDITIONAL_NO_GRANT')).toBe(true);

    const request = await fileRequest();
    expect(request).toEqual({
      id: expect.any(String),
      entryCode: CONDITIONAL.code,
      requesterOffice: REQUESTER,
      requesterSub: requester.sub,
      purpose: '机构编制核查：干部职务与实名制台账比对',
      caseNumber: 'HC-2026-017',
      coordinates: CONDITIONAL_ITEMS,
      periodFrom: '2026-11-16',
      periodTo: '2026-12-31',
      status: 'PENDING',
      submittedAt: T0.toISOString(),
      // 10 working days after Monday 16 November: the weekends of the 21st/22nd and 28th/29th skipped.
      dueOn: '2026-11-30',
      overdue: false,
    });
    const pending = await ok(reviewer, `query($code: ID!) { catalogEntry(code: $code) { pendingRequests { id } } }`, { code: CONDITIONAL.code });
    expect(pending.catalogEntry.pendingRequests).toEqual([{ id: request.id }]);

    now = new Date(T0.getTime() + 2 * DAY);
    const decided = (await ok(reviewer, DECIDE, { id: request.id, approve: true, reason: '同意，限核查使用' })).decideAccessRequest;
    const grantId = decided.grant.id;
    expect(decided).toEqual({
      request: {
        id: request.id,
        status: 'APPROVED',
        decidedAt: now.toISOString(),
        decidedBy: reviewer.sub,
        decisionReason: '同意，限核查使用',
        grant: { id: grantId },
      },
      // By default to the end of the requested period, Beijing time.
      grant: {
        id: grantId,
        entryCode: CONDITIONAL.code,
        granteeOffice: REQUESTER,
        coordinates: CONDITIONAL_ITEMS,
        grantedAt: now.toISOString(),
        expiresAt: '2026-12-31T15:59:59.999Z',
        live: true,
      },
    });

    const granted = (await ok(requester, MY_ACCESS, { coordinates: CONDITIONAL_ITEMS })).myAccess;
    expect(granted).toEqual(
      CONDITIONAL_ITEMS.map((coordinate) => ({
        coordinate,
        allowed: true,
        reason: `GRANT:${grantId}`,
        message: null,
        basis: null,
        entryCode: CONDITIONAL.code,
        shareType: 'CONDITIONAL',
      })),
    );
    // The grant is the requester's office's, not the whole hub's.
    expect((await ok({ ...requester, office: BYSTANDER }, MY_ACCESS, { coordinates: CONDITIONAL_ITEMS })).myAccess[0]).toMatchObject({ allowed: false });

    const revoked = (await ok(leader, REVOKE, { id: grantId, reason: '核查已结束' })).revokeGrant.grant;
    expect(revoked).toEqual({ id: grantId, revokedAt: now.toISOString(), revokedBy: leader.sub, revokeReason: '核查已结束', live: false });
    const after = (await ok(requester, MY_ACCESS, { coordinates: CONDITIONAL_ITEMS })).myAccess;
    expect(after.every((a: { allowed: boolean; reason: string }) => !a.allowed && a.reason === 'CONDITIONAL_NO_GRANT')).toBe(true);

    expect(reported.map((c) => [c.entity, c.key, c.action])).toEqual([
      ['AccessRequest', request.id, 'REQUEST_ACCESS'],
      ['AccessRequest', request.id, 'APPROVE_ACCESS_REQUEST'],
      ['Grant', grantId, 'GRANT'],
      ['Grant', grantId, 'REVOKE_GRANT'],
    ]);
    expect(reported[0]).toMatchObject({
      purpose: request.purpose,
      caseNumber: 'HC-2026-017',
      coordinates: CONDITIONAL_ITEMS,
      before: null,
      after: { status: 'PENDING' },
    });
    expect(reported[1]).toMatchObject({ before: { status: 'PENDING' }, after: { status: 'APPROVED', decidedBy: reviewer.sub } });
    expect(reported[3]).toMatchObject({ before: { revokedAt: null }, after: { revokedAt: now, revokeReason: '核查已结束' } });
  });

  it('refuses a request with reasons, and not without them', async () => {
    const request = await fileRequest();
    expect((await refused(reviewer, DECIDE, { id: request.id, approve: false, reason: '  ' })).extensions).toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'reason',
    });
    const decided = (await ok(reviewer, DECIDE, { id: request.id, approve: false, reason: '用途与共享条件不符' })).decideAccessRequest;
    expect(decided).toEqual({
      request: { id: request.id, status: 'REFUSED', decidedAt: T0.toISOString(), decidedBy: reviewer.sub, decisionReason: '用途与共享条件不符', grant: null },
      grant: null,
    });
    expect((await tableCounts()).grants).toBe(0);
    // Decided once: a second decision is refused.
    expect((await refused(leader, DECIDE, { id: request.id, approve: true, reason: '' })).extensions).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'id' });
  });

  it('refuses self-approval, writing and reporting nothing', async () => {
    const request = await fileRequest();
    const before = await tableCounts();
    const attempts: [Viewer, string][] = [
      // The requester, holding a decider's role at the provider too.
      [{ office: PROVIDER, role: 'LEADER', sub: requester.sub }, 'SELF_APPROVAL'],
      // A leader of the requesting office.
      [{ office: REQUESTER, role: 'LEADER', sub: 'another-leader' }, 'SELF_APPROVAL'],
      // The provider's operator: not a decider.
      [{ office: PROVIDER, role: 'OPERATOR', sub: 'an-operator' }, 'FORBIDDEN'],
    ];
    for (const [viewer, code] of attempts) {
      const error = await refused(viewer, DECIDE, { id: request.id, approve: true, reason: '同意' });
      expect(error.extensions).toMatchObject({ code });
      expect(error.message).toContain(' / ');
    }
    expect(await tableCounts()).toEqual(before);
    const still = await ok(requester, `{ accessRequests { id status decidedBy grant { id } } }`);
    expect(still.accessRequests).toEqual([{ id: request.id, status: 'PENDING', decidedBy: null, grant: null }]);
  });

  it('refuses a request for a not-shared entry with its basis', async () => {
    const before = await tableCounts();
    const error = await refused(requester, REQUEST, { input: requestInput({ entryCode: NOT_SHARED.code }) });
    expect(error.extensions).toMatchObject({ code: 'NOT_SHAREABLE', basis: NOT_SHARED.basis });
    expect(await tableCounts()).toEqual(before);
  });

  it('checks every other rule of a request before filing it', async () => {
    const cases: [Viewer | null, Record<string, unknown>, Record<string, unknown>][] = [
      [null, {}, { code: 'UNAUTHENTICATED' }],
      [{ office: REQUESTER, role: 'UNIT_OPERATOR', sub: 'unit-op', unit: '12410100MB0000002X' }, {}, { code: 'FORBIDDEN' }],
      [requester, { entryCode: 'XX-00-000' }, { code: 'NOT_FOUND' }],
      [requester, { entryCode: UNCONDITIONAL.code }, { code: 'INVALID_ARGUMENT', messageEn: expect.stringContaining('no request needed') }],
      [{ ...reviewer }, {}, { code: 'INVALID_ARGUMENT', messageEn: expect.stringContaining("your own office's") }],
      [requester, { coordinates: [UNCONDITIONAL.items[0]!.coordinate] }, { code: 'INVALID_ARGUMENT', field: 'input.coordinates' }],
      [requester, { coordinates: [] }, { code: 'INVALID_ARGUMENT', field: 'input.coordinates' }],
      [requester, { purpose: ' ' }, { code: 'INVALID_ARGUMENT', field: 'input.purpose' }],
      [requester, { periodFrom: '2026-12-31', periodTo: '2026-12-01' }, { code: 'INVALID_ARGUMENT', field: 'input.periodTo' }],
      [requester, { periodFrom: '2026-01-01', periodTo: '2026-11-15' }, { code: 'INVALID_ARGUMENT', field: 'input.periodTo' }],
    ];
    for (const [viewer, overrides, extensions] of cases) {
      expect((await refused(viewer, REQUEST, { input: requestInput(overrides) })).extensions, JSON.stringify(overrides)).toMatchObject(extensions);
    }
    expect(await tableCounts()).toMatchObject({ requests: 0, reported: 0 });
    // A bad date never reaches the resolver.
    expect((await run(requester, REQUEST, { input: requestInput({ periodTo: '2026-02-30' }) })).errors?.[0]?.message).toContain('YYYY-MM-DD');
    // Some items of the entry, not all.
    expect((await fileRequest(requester, { coordinates: [CONDITIONAL_ITEMS[0], CONDITIONAL_ITEMS[0]] })).coordinates).toEqual([CONDITIONAL_ITEMS[0]]);
  });

  it('approves until a chosen day, not before today and not past the requested period', async () => {
    const request = await fileRequest();
    for (const expiresOn of ['2026-11-15', '2027-01-01']) {
      expect((await refused(reviewer, DECIDE, { id: request.id, approve: true, reason: '', expiresOn })).extensions).toMatchObject({
        code: 'INVALID_ARGUMENT',
        field: 'expiresOn',
      });
    }
    const { grant } = (await ok(reviewer, DECIDE, { id: request.id, approve: true, reason: '', expiresOn: '2026-11-16' })).decideAccessRequest;
    expect(grant).toMatchObject({ expiresAt: '2026-11-16T15:59:59.999Z', live: true });
    // The grant lapses at midnight in Beijing.
    now = new Date('2026-11-16T16:00:00Z');
    expect((await ok(requester, MY_ACCESS, { coordinates: [CONDITIONAL_ITEMS[0]] })).myAccess[0]).toMatchObject({
      allowed: false,
      reason: 'CONDITIONAL_NO_GRANT',
    });
    expect(await ok(requester, `{ grants(live: true) { id } all: grants { id live } }`)).toEqual({ grants: [], all: [{ id: grant.id, live: false }] });
  });

  it('marks a request overdue once its 10 working days have passed', async () => {
    const request = await fileRequest();
    const OVERDUE = `{ overdue: accessRequests(overdue: true) { id overdue } onTime: accessRequests(overdue: false) { id } pending: accessRequests(status: PENDING) { id } }`;
    expect(await ok(reviewer, OVERDUE)).toEqual({ overdue: [], onTime: [{ id: request.id }], pending: [{ id: request.id }] });
    now = new Date(T0.getTime() + 15 * DAY);
    expect(await ok(reviewer, OVERDUE)).toEqual({ overdue: [{ id: request.id, overdue: true }], onTime: [], pending: [{ id: request.id }] });
    // Answered late is answered: no longer overdue.
    await ok(reviewer, DECIDE, { id: request.id, approve: false, reason: '不符合共享条件' });
    expect(await ok(reviewer, OVERDUE)).toEqual({ overdue: [], onTime: [{ id: request.id }], pending: [] });
  });

  it('answers 50 identical requests sent at once with one pending request, filed and reported once', async () => {
    const colleague: Viewer = { office: REQUESTER, role: 'OPERATOR', sub: 'zhang-colleague' };
    // Each with its own context, as 50 gateway requests would be; on PostgreSQL they race over the pool's connections.
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => run(i % 2 ? colleague : requester, REQUEST, { input: requestInput() })));
    expect(answers.filter((a) => a.errors).map((a) => a.errors)).toEqual([]);
    const ids = new Set(answers.map((a) => a.data!.requestAccess.request.id));
    expect(ids.size).toBe(1);
    const rows = await database.db.select().from(accessRequests);
    expect(rows.map((r) => [String(r.id), r.status])).toEqual([[[...ids][0], 'PENDING']]);
    expect(reported.map((r) => r.action)).toEqual(['REQUEST_ACCESS']);
    // Not identical: another purpose, another case, other items, another period, another office.
    const others = [
      { purpose: '另一用途' },
      { caseNumber: 'HC-2026-018' },
      { caseNumber: null },
      { coordinates: [CONDITIONAL_ITEMS[0]] },
      { periodTo: '2026-12-30' },
    ];
    for (const overrides of others) expect((await fileRequest(requester, overrides)).id, JSON.stringify(overrides)).not.toBe([...ids][0]);
    const bystander: Viewer = { office: BYSTANDER, role: 'OPERATOR', sub: 'bystander' };
    expect((await fileRequest(bystander)).id).not.toBe([...ids][0]);
    expect((await tableCounts()).requests).toBe(7);
    // Once decided, the same request files anew.
    await ok(reviewer, DECIDE, { id: [...ids][0], approve: false, reason: '材料不全' });
    const again = await fileRequest();
    expect(again).toMatchObject({ status: 'PENDING' });
    expect(again.id).not.toBe([...ids][0]);
  });

  it('lists requests and grants to the offices concerned and to overseers only', async () => {
    const request = await fileRequest();
    const { grant } = (await ok(reviewer, DECIDE, { id: request.id, approve: true, reason: '' })).decideAccessRequest;
    const LIST = `query List($code: ID!) { accessRequests { id } grants { id } catalogEntry(code: $code) { grants { id } } }`;
    const seen = { accessRequests: [{ id: request.id }], grants: [{ id: grant.id }], catalogEntry: { grants: [{ id: grant.id }] } };
    for (const viewer of [requester, reviewer, coordinator, auditor]) expect(await ok(viewer, LIST, { code: CONDITIONAL.code }), viewer.sub).toEqual(seen);
    const bystander: Viewer = { office: BYSTANDER, role: 'LEADER', sub: 'bystander' };
    expect(await ok(bystander, LIST, { code: CONDITIONAL.code })).toEqual({ accessRequests: [], grants: [], catalogEntry: { grants: [] } });
    expect(
      (await ok(null, `query($code: ID!) { catalogEntry(code: $code) { grants { id } pendingRequests { id } } }`, { code: CONDITIONAL.code })).catalogEntry,
    ).toEqual({ grants: [], pendingRequests: [] });
    expect((await refused(null, `{ accessRequests { id } }`)).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await refused(null, `{ grants { id } }`)).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('lets the provider or a coordinator revoke, nobody else, and only with reasons', async () => {
    const request = await fileRequest();
    const { grant } = (await ok(reviewer, DECIDE, { id: request.id, approve: true, reason: '' })).decideAccessRequest;
    expect((await refused(requester, REVOKE, { id: grant.id, reason: '不再需要' })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await refused(leader, REVOKE, { id: grant.id, reason: '' })).extensions).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'reason' });
    expect((await refused(leader, REVOKE, { id: '999999', reason: '核查结束' })).extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await ok(coordinator, REVOKE, { id: grant.id, reason: '目录调整' })).revokeGrant.grant).toMatchObject({ revokedBy: coordinator.sub, live: false });
    expect((await refused(leader, REVOKE, { id: grant.id, reason: '核查结束' })).extensions).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'id' });
  });
});

describe('catalog API: changing the catalog', () => {
  const code = UNCONDITIONAL.code;
  const change = { shareType: 'CONDITIONAL', shareConditions: '用于机构编制核查，经提供部门审核同意', basis: '《政务数据共享条例》（2025）' };

  it('refuses a change from anyone but a coordinator, writing nothing', async () => {
    const before = await tableCounts();
    for (const viewer of [leader, auditor, null]) {
      expect((await refused(viewer, UPDATE, { code, input: change })).extensions).toMatchObject({ code: viewer ? 'FORBIDDEN' : 'UNAUTHENTICATED' });
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("versions a coordinator's change, lists it, and enforces it at once", async () => {
    const coordinate = UNCONDITIONAL.items[0]!.coordinate;
    expect((await ok(requester, MY_ACCESS, { coordinates: [coordinate] })).myAccess[0]).toMatchObject({ allowed: true, reason: 'UNCONDITIONAL' });
    now = new Date(T0.getTime() + DAY);
    const { entry } = (await ok(coordinator, UPDATE, { code, input: change })).updateCatalogEntry;
    expect(entry).toMatchObject({ code, shareType: 'CONDITIONAL', shareConditions: change.shareConditions, basis: change.basis, version: 2 });
    expect(entry.versions.map((v: { version: number; changedBy: string }) => [v.version, v.changedBy])).toEqual([
      [2, coordinator.sub],
      [1, 'system:test'],
    ]);
    expect(entry.versions[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'shareType', before: '"UNCONDITIONAL"', after: '"CONDITIONAL"' },
        { field: 'shareConditions', before: 'null', after: JSON.stringify(change.shareConditions) },
      ]),
    );
    expect((await ok(requester, MY_ACCESS, { coordinates: [coordinate] })).myAccess[0]).toMatchObject({ allowed: false, reason: 'CONDITIONAL_NO_GRANT' });
    expect(reported).toEqual([
      {
        entity: 'CatalogEntry',
        key: code,
        action: 'UPDATE_CATALOG_ENTRY',
        before: { code, version: 1, shareType: 'UNCONDITIONAL', shareConditions: null, basis: UNCONDITIONAL.basis ?? null },
        after: { code, version: 2, ...change },
      },
    ]);
    // The same change again changes nothing: no version, nothing reported.
    const counts = await tableCounts();
    expect((await ok(coordinator, UPDATE, { code, input: change })).updateCatalogEntry.entry.version).toBe(2);
    expect(await tableCounts()).toEqual(counts);
  });

  it('refuses combinations the catalog rules forbid', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [NOT_SHARED.code, { open: true }, 'input.open'],
      [code, { shareType: 'CONDITIONAL', basis: '某依据' }, 'input.shareConditions'],
      [code, { shareType: 'NOT_SHARED', basis: null }, 'input.basis'],
      [code, { shareConditions: '仅限核查' }, 'input.shareConditions'],
      [code, { name: '  ' }, 'input.name'],
      [code, { relatedCodes: [code] }, 'input.relatedCodes'],
      [code, { classification: '只有一级' }, 'input'],
    ];
    const before = await tableCounts();
    for (const [entryCode, input, field] of cases) {
      const error = await refused(coordinator, UPDATE, { code: entryCode, input });
      expect(error.extensions, JSON.stringify(input)).toMatchObject({ code: 'INVALID_ARGUMENT', field });
    }
    expect((await refused(coordinator, UPDATE, { code: 'XX-00-000', input: { name: '无' } })).extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await tableCounts()).toEqual(before);
  });
});
