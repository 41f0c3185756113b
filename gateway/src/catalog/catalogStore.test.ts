import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, testConfig, type FreshDatabase } from '@hub/schema';
import { loadDefaultCatalog } from '@hub/schema/catalog';
import { createOperationLog, type OperationLog } from '../audit/operationLog.ts';
import { openGatewayDatabase } from '../db/open.ts';
import { createCatalogStore, type CatalogStore } from './catalogStore.ts';

let database: Awaited<ReturnType<typeof openGatewayDatabase>>;
let fresh: FreshDatabase | undefined;
let log: OperationLog;
let store: CatalogStore;

beforeAll(async () => {
  fresh = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
  database = await openGatewayDatabase({ url: fresh?.url });
  await database.migrate();
  log = createOperationLog(database.db, { key: 'k'.repeat(64) });
  store = createCatalogStore(database.db, log);
  await store.addMissingDefaults(loadDefaultCatalog(), 'test');
});
afterAll(async () => {
  await database?.close();
  await fresh?.drop();
});

/** A change and its log entry commit together or not at all: nothing changes unlogged. */
describe('catalog store writes with their log entries', () => {
  const failingLog = () => {
    throw new Error('log unavailable');
  };

  it('rolls a catalog change back when its log entry cannot be written', async () => {
    const before = (await store.snapshot()).entries.get('CZ-02-002')!;
    const versionsBefore = await store.versionsOfEntries(['CZ-02-002']);
    await expect(store.updateEntry('CZ-02-002', { updateCycle: 'YEARLY' }, 'tester', failingLog)).rejects.toThrow('log unavailable');
    store.invalidate();
    expect((await store.snapshot()).entries.get('CZ-02-002')).toMatchObject({ updateCycle: before.updateCycle, version: before.version });
    expect(await store.versionsOfEntries(['CZ-02-002'])).toEqual(versionsBefore);
  });

  it('rolls back a request, a decision with its grant and a revocation whose log fails', async () => {
    const row = {
      entryCode: 'CZ-02-002', requesterOffice: 'hr', requesterSub: 'hr-op', purpose: '核对', caseNumber: null, coordinates: ['PayrollRecord.monthlyGrossPay'],
      periodFrom: '2026-11-26', periodTo: '2026-12-31', status: 'PENDING' as const, dueOn: '2026-12-10',
    };
    await expect(store.insertRequest(row, failingLog)).rejects.toThrow('log unavailable');
    expect(await store.requests({})).toEqual([]);

    const request = await store.insertRequest(row, (r) => [{ kind: 'REQUEST', outcome: 'ALLOWED', detail: { id: r.id } }]);
    const at = new Date('2026-11-26T08:00:00Z');
    const decision = { approve: true, by: 'fin-leader', reason: '同意', expiresAt: new Date('2026-12-31T15:59:59.999Z'), at };
    await expect(store.decide(request.id, decision, failingLog)).rejects.toThrow('log unavailable');
    expect(await store.request(request.id)).toMatchObject({ status: 'PENDING' });
    expect(await store.grants({})).toEqual([]);

    const { grant } = await store.decide(request.id, decision, (d) => [{ kind: 'GRANT', outcome: 'ALLOWED', detail: { grant: d.grant?.id } }]);
    await expect(store.revokeGrant(grant!.id, 'fin-leader', '结束', at, failingLog)).rejects.toThrow('log unavailable');
    expect(await store.grant(grant!.id)).toMatchObject({ revokedAt: null });

    const { entries } = await log.search({}, { limit: 10, offset: 0 });
    expect(entries.map((e) => e.kind)).toEqual(['GRANT', 'REQUEST', 'CATALOG']);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 3 });
  });
});

describe('several gateway instances on one database', () => {
  it("see each other's grant revocations and catalog changes within maxAgeMs", async () => {
    let now = 1_000_000;
    const other = createCatalogStore(database.db, log, { maxAgeMs: 1000, clock: () => now });
    const ours = createCatalogStore(database.db, log);
    const request = await ours.insertRequest({
      entryCode: 'ZZB-01-002', requesterOffice: 'staffing', requesterSub: 'bb-op', purpose: '核查', caseNumber: null, coordinates: ['Person.cadre'],
      periodFrom: '2026-11-26', periodTo: '2026-12-31', status: 'PENDING', dueOn: '2026-12-10',
    });
    const { grant } = await ours.decide(request.id, { approve: true, by: 'org-leader', reason: '同意', expiresAt: new Date('2026-12-31T15:59:59.999Z'), at: new Date() });
    const live = async () => (await other.activeGrants()).map((g) => g.id);
    now += 1001;
    const before = await live();
    expect(before).toContain(grant!.id);
    await ours.revokeGrant(grant!.id, 'org-leader', '结束', new Date());
    await ours.updateEntry('CZ-02-001', { updateCycle: 'QUARTERLY' }, 'coordinator');
    expect(await live()).toEqual(before);
    now += 1001;
    expect(await live()).toEqual(before.filter((id) => id !== grant!.id));
    expect((await other.snapshot()).entries.get('CZ-02-001')?.updateCycle).toBe('QUARTERLY');
  });
});

describe('default catalog on an existing database', () => {
  it('adds only what the database lacks and never overwrites an entry the coordination group changed', async () => {
    const defaults = loadDefaultCatalog();
    expect(await store.addMissingDefaults(defaults, 'restart')).toEqual({ entries: 0, items: 0 });

    await store.updateEntry('RS-04-001', { updateCycle: 'YEARLY' }, 'coordinator');
    const grown = defaults.map((e) =>
      e.code === 'RS-04-001'
        ? { ...e, updateCycle: 'DAILY' as const, items: [...e.items, { coordinate: 'Insurance.newField', name: '新字段', dataType: '字符型 C' as const, sensitivity: 'LOW' as const }] }
        : e,
    );
    const added = { ...defaults.find((e) => e.code === 'BB-99-001')!, code: 'BB-99-002', name: '新资源', items: [{ coordinate: 'PageInfo.newField', name: '新字段', dataType: '字符型 C' as const, sensitivity: 'LOW' as const }] };
    expect(await store.addMissingDefaults([...grown, added], 'upgrade')).toEqual({ entries: 1, items: 1 });

    const { entries, byCoordinate } = await store.snapshot();
    expect(entries.get('RS-04-001')).toMatchObject({ updateCycle: 'YEARLY' });
    expect(byCoordinate.get('Insurance.newField')?.code).toBe('RS-04-001');
    expect(byCoordinate.get('PageInfo.newField')?.code).toBe('BB-99-002');
    const [latest] = await store.versionsOfEntries(['RS-04-001']);
    expect(latest).toMatchObject({ changedBy: 'upgrade', changes: { items: { before: null, after: ['Insurance.newField'] } } });
    const { entries: logged } = await log.search({ kind: 'CATALOG' }, { limit: 2, offset: 0 });
    expect(logged.map((e) => (e.detail as { action: string }).action).sort()).toEqual(['ADD_DEFAULT_ENTRY', 'ADD_DEFAULT_ITEMS']);
  });
});
