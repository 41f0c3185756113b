import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, testConfig, type FreshDatabase } from '@hub/schema/testing';
import { loadDefaultCatalog } from '@hub/schema/contracts';
import { readCatalogSnapshot } from '../src/catalogSource.ts';
import { openCatalogDatabase } from '../src/db/open.ts';
import { addMissingDefaults, decideRequest, entriesWithItems, fileRequest, revokeGrant, updateEntry, versionsOfEntries } from '../src/db/queries.ts';

let database: Awaited<ReturnType<typeof openCatalogDatabase>>;
let fresh: FreshDatabase | undefined;

beforeAll(async () => {
  fresh = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
  database = await openCatalogDatabase({ url: fresh?.url });
  await database.migrate();
  await addMissingDefaults(database.db, loadDefaultCatalog(), 'test');
});
afterAll(async () => {
  await database?.close();
  await fresh?.drop();
});

describe('the snapshot the gateway enforces from', () => {
  it('holds every entry with its coordinates and the unrevoked grants only', async () => {
    const { request } = await fileRequest(database.db, {
      entryCode: 'ZZB-01-002',
      requesterOffice: 'staffing',
      requesterSub: 'bb-op',
      purpose: '核查',
      caseNumber: null,
      coordinates: ['Person.cadre'],
      periodFrom: '2026-11-26',
      periodTo: '2026-12-31',
      status: 'PENDING',
      dueOn: '2026-12-10',
    });
    const expiresAt = new Date('2026-12-31T15:59:59.999Z');
    const decided = await decideRequest(database.db, request.id, { approve: true, by: 'org-leader', reason: '同意', expiresAt, at: new Date() });
    const grant = decided!.grant!;
    const snapshot = await readCatalogSnapshot(database.db);
    const defaults = loadDefaultCatalog();
    expect(snapshot.entries.map((e) => e.code).sort()).toEqual(defaults.map((e) => e.code).sort());
    const cadres = defaults.find((e) => e.code === 'ZZB-01-002')!;
    expect(snapshot.entries.find((e) => e.code === 'ZZB-01-002')).toEqual({
      code: cadres.code,
      name: cadres.name,
      providerOffice: cadres.providerOffice,
      shareType: cadres.shareType,
      open: cadres.open,
      status: cadres.status,
      basis: cadres.basis ?? null,
      coordinates: cadres.items.map((i) => i.coordinate).sort(),
    });
    expect(snapshot.grants).toEqual([{ id: grant.id, granteeOffice: 'staffing', coordinates: ['Person.cadre'], expiresAt, revokedAt: null }]);

    await revokeGrant(database.db, grant.id, 'org-leader', '结束', new Date());
    expect((await readCatalogSnapshot(database.db)).grants).toEqual([]);
    // A second revocation changes nothing and says so.
    expect(await revokeGrant(database.db, grant.id, 'org-leader', '再次', new Date())).toBeNull();
  });
});

describe('default catalog on an existing database', () => {
  it('adds only what the database lacks and never overwrites an entry the coordination group changed', async () => {
    const defaults = loadDefaultCatalog();
    expect(await addMissingDefaults(database.db, defaults, 'restart')).toEqual({ entries: 0, items: 0 });

    await updateEntry(database.db, 'RS-04-001', { updateCycle: 'YEARLY' }, 'coordinator');
    const grown = defaults.map((e) =>
      e.code === 'RS-04-001'
        ? {
            ...e,
            updateCycle: 'DAILY' as const,
            items: [...e.items, { coordinate: 'Insurance.newField', name: '新字段', dataType: '字符型 C' as const, sensitivity: 'LOW' as const }],
          }
        : e,
    );
    const added = {
      ...defaults.find((e) => e.code === 'BB-99-001')!,
      code: 'BB-99-002',
      name: '新资源',
      items: [{ coordinate: 'PageInfo.newField', name: '新字段', dataType: '字符型 C' as const, sensitivity: 'LOW' as const }],
    };
    expect(await addMissingDefaults(database.db, [...grown, added], 'upgrade')).toEqual({ entries: 1, items: 1 });

    const entries = await entriesWithItems(database.db);
    expect(entries.get('RS-04-001')).toMatchObject({ updateCycle: 'YEARLY' });
    expect(entries.get('RS-04-001')!.items.map((i) => i.coordinate)).toContain('Insurance.newField');
    expect(entries.get('BB-99-002')!.items.map((i) => i.coordinate)).toEqual(['PageInfo.newField']);
    const [latest] = await versionsOfEntries(database.db, ['RS-04-001']);
    expect(latest).toMatchObject({ changedBy: 'upgrade', changes: { items: { before: null, after: ['Insurance.newField'] } } });
  });
});
