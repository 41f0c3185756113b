import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { asc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFreshDatabase, testConfig, type FreshDatabase } from '@hub/schema/testing';
import { openGatewayDatabase } from '../db/open.ts';
import { operationLog } from '../db/schema.ts';
import { canonicalJson } from './canonicalJson.ts';
import { DevKeyError, loadOrCreateDevKey } from '@hub/schema';
import { canonicalInstant, entryHash, GENESIS_HASH } from './entryHash.ts';
import { APPEND_LOCK, createOperationLog, type LogEntryInput, type OperationLogFilter, type OperationLogOptions } from './operationLog.ts';

const KEY = 'operation-log-test-key-0123456789abcdef';
const WRONG_KEY = 'someone-else-s-key';

let database: Awaited<ReturnType<typeof openGatewayDatabase>>;
let fresh: FreshDatabase | undefined;

beforeAll(async () => {
  fresh = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
  database = await openGatewayDatabase({ url: fresh?.url });
  await database.migrate();
});
afterAll(async () => {
  await database?.close();
  await fresh?.drop();
});
// Every test starts its own chain.
beforeEach(async () => {
  await database.db.delete(operationLog);
});

/** A clock that ticks one second per reading from 2025-03-01 08:00 UTC, so `at` is known. */
function clock() {
  let tick = 0;
  return () => new Date(Date.UTC(2025, 2, 1, 8, 0, tick++));
}
const atTick = (tick: number) => new Date(Date.UTC(2025, 2, 1, 8, 0, tick)).toISOString();
const logWith = (options: Partial<OperationLogOptions> = {}) => createOperationLog(database.db, { key: KEY, now: clock(), ...options });

const read = (n: number): LogEntryInput => ({
  kind: 'READ',
  outcome: 'ALLOWED',
  actor: { office: 'hr', role: 'OPERATOR', sub: `u${n % 3}` },
  operationName: 'PersonCard',
  coordinates: ['Person.name', 'Person.idNumber'],
  rowsReturned: n,
  detail: { n },
});

async function seedChain(entries = 10) {
  await logWith().appendMany(Array.from({ length: entries }, (_, i) => read(i + 1)));
}
const rows = () => database.db.select().from(operationLog).orderBy(asc(operationLog.seq));
const rowAt = async (seq: number) => (await database.db.select().from(operationLog).where(eq(operationLog.seq, seq)))[0]!;
const verify = () => logWith().verify();

/** Moves rows of seq ≥ from by `by`, one row at a time so the primary key never collides. */
async function shiftSeqs(from: number, by: 1 | -1) {
  const moving = (
    await database.db
      .select({ seq: operationLog.seq })
      .from(operationLog)
      .where(gt(operationLog.seq, from - 1))
  ).map((r) => r.seq);
  for (const seq of moving.sort((a, b) => (by > 0 ? b - a : a - b))) {
    await database.db
      .update(operationLog)
      .set({ seq: seq + by })
      .where(eq(operationLog.seq, seq));
  }
}

const EDITED = (seq: number) => ({
  ok: false,
  entries: seq - 1,
  problem: 'EDITED',
  seq,
  message: `第 ${seq} 条内容与其哈希不符（被修改，或在无密钥时伪造） / entry ${seq} does not match its hash (edited, or forged without the key)`,
});
const INSERTED = (seq: number) => ({
  ok: false,
  entries: seq - 1,
  problem: 'INSERTED',
  seq,
  message: `第 ${seq} 条是插入的条目 / entry ${seq} was inserted into the log`,
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, integer-like keys included, and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { '10': true, '9': null, z: [{ y: 'é', x: 1.5 }] } })).toBe('{"a":{"10":true,"9":null,"z":[{"x":1.5,"y":"é"}]},"b":1}');
  });
  it('writes the example of RFC 8785 §3.2.3 as the RFC does', () => {
    const input = JSON.parse(
      String.raw`{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}`,
    );
    expect(canonicalJson(input)).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });
  it('follows JSON.stringify for undefined and toJSON, and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ gone: undefined, list: [undefined], at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z","list":[null]}');
    expect(() => canonicalJson({ n: NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ s: '\ud800' })).toThrow(TypeError); // jsonb refuses a lone surrogate too
    expect(canonicalJson({ s: 'undefined', n: [1e21, 1e-7, -0, 0.1 + 0.2] })).toBe('{"n":[1e+21,1e-7,0,0.30000000000000004],"s":"undefined"}');
  });
});

describe('entryHash', () => {
  it('reads PostgreSQL and ISO timestamps as the same instant, keeping microseconds', () => {
    expect(['2024-05-01 18:00:00.123+08', '2024-05-01T10:00:00.123Z', '2024-05-01 04:30:00.123-05:30'].map(canonicalInstant)).toEqual([
      '2024-05-01T10:00:00.123Z',
      '2024-05-01T10:00:00.123Z',
      '2024-05-01T10:00:00.123Z',
    ]);
    expect(['2024-05-01 10:00:00.123456+00', '2024-05-01 10:00:00+00', '2024-05-01T10:00:00.1Z'].map(canonicalInstant)).toEqual([
      '2024-05-01T10:00:00.123456Z',
      '2024-05-01T10:00:00.000Z',
      '2024-05-01T10:00:00.100Z',
    ]);
    expect(() => canonicalInstant('2024-05-01')).toThrow(RangeError);
  });
  it('is the HMAC of the previous hash and the canonical JSON of every other column', () => {
    const content = {
      seq: 1,
      at: '2025-03-01 16:00:00+08',
      kind: 'AUTH',
      outcome: 'DENIED',
      actorOffice: null,
      actorRole: null,
      actorSub: 'x',
      actorUnit: null,
      operationName: null,
      coordinates: [],
      rowsReturned: null,
      purpose: null,
      caseNumber: null,
      detail: { reason: 'expired' },
    };
    const hashed =
      '{"actorOffice":null,"actorRole":null,"actorSub":"x","actorUnit":null,"at":"2025-03-01T08:00:00.000Z","caseNumber":null,"coordinates":[],' +
      '"detail":{"reason":"expired"},"kind":"AUTH","operationName":null,"outcome":"DENIED","purpose":null,"rowsReturned":null,"seq":1}';
    expect(entryHash(KEY, GENESIS_HASH, { ...content, prevHash: 'ignored', hash: 'ignored' } as typeof content)).toBe(
      createHmac('sha256', KEY)
        .update(GENESIS_HASH + hashed)
        .digest('hex'),
    );
  });
});

describe('operation log: appending', () => {
  it('numbers 20 entries 1..20 in call order, concurrent ones included, as one intact chain', async () => {
    const log = logWith();
    const first = [];
    for (let i = 1; i <= 5; i++) first.push(await log.append(read(i)));
    const concurrent = await Promise.all(Array.from({ length: 10 }, (_, i) => log.append(read(i + 6))));
    const batch = await log.appendMany(Array.from({ length: 5 }, (_, i) => read(i + 16)));
    expect([...first, ...concurrent, ...batch].map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    const stored = await rows();
    expect(stored.map((r) => [r.seq, r.rowsReturned])).toEqual(Array.from({ length: 20 }, (_, i) => [i + 1, i + 1]));
    stored.forEach((row, i) => {
      expect(row.prevHash).toBe(i === 0 ? GENESIS_HASH : stored[i - 1]!.hash);
      expect(row.hash).toBe(entryHash(KEY, row.prevHash, row));
    });
    expect(batch.at(-1)!.hash).toBe(stored[19]!.hash);
    expect(await log.verify()).toEqual({ ok: true, entries: 20, head: stored[19]!.hash });
  });

  it('writes the appends that wait while one is written together, in one transaction (group commit), in call order', async () => {
    const log = logWith();
    // The first goes at once; the nine made meanwhile wait and go in the next transaction, with one reading of the clock.
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i === 5 ? log.appendMany([read(6), read(7)]) : log.append(read(i + 1)))));
    const stored = await rows();
    expect(stored.map((r) => [r.seq, r.rowsReturned])).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10].map((n, i) => [i + 1, n]));
    expect(stored.map((r) => new Date(r.at).toISOString())).toEqual([atTick(0), ...Array.from({ length: 10 }, () => atTick(1))]);
    expect(results.flat().map((r) => r.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(await log.verify()).toEqual({ ok: true, entries: 11, head: stored[10]!.hash });
  });

  it('keeps one chain when two logs (as two gateway processes would) append at once', async () => {
    const [a, b] = [logWith(), logWith()];
    await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).append(read(i))));
    const stored = await rows();
    expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(await verify()).toEqual({ ok: true, entries: 16, head: stored[15]!.hash });
  });

  it('writes a group in one statement once it knows the last entry, and the long way when another process or transaction appended since', async () => {
    const log = logWith();
    await log.append(read(1));
    const before = database.statements.count;
    await log.append(read(2));
    await log.appendMany([read(3), read(4)]);
    expect(database.statements.count - before).toBe(2);
    // Another gateway appends, then a transaction of the catalog's: this log's next group finds its seq taken and reads the last entry.
    await logWith().append(read(5));
    await database.db.transaction((tx) => logWith().appendWithin(tx, [read(6)]));
    expect((await log.append(read(7))).seq).toBe(7);
    expect((await log.append(read(8))).seq).toBe(8);
    const stored = await rows();
    expect(stored.map((r) => [r.seq, r.rowsReturned])).toEqual(Array.from({ length: 8 }, (_, i) => [i + 1, i + 1]));
    expect(await verify()).toEqual({ ok: true, entries: 8, head: stored[7]!.hash });
  });

  it('waits in its one statement for the append lock another transaction holds, and then follows what that transaction appended', async () => {
    const log = logWith();
    await log.append(read(1));
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // A transaction of the catalog's takes the lock, then (later) reads the last entry and appends after it.
    const within = database.db.transaction(async (tx) => {
      await tx.execute(APPEND_LOCK);
      locked();
      await held;
      return logWith().appendWithin(tx, [read(2)]);
    });
    await lockTaken;
    let settled = false;
    const meanwhile = log.append(read(3)).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Had it not waited, its entry 2 would be in, and the transaction's append would fail on seq 2.
    expect(settled).toBe(false);
    release();
    expect((await within).map((r) => r.seq)).toEqual([2]);
    expect((await meanwhile).seq).toBe(3);
    expect(await verify()).toMatchObject({ ok: true, entries: 3 });
  });

  it('stores the entry as given, defaults filled, detail as JSON keeps it', async () => {
    const log = logWith();
    await log.append({ kind: 'AUTH', outcome: 'DENIED', detail: { reason: 'expired', dropped: undefined, when: new Date(0) } });
    const { entries } = await log.search({}, { limit: 10, offset: 0 });
    expect(entries).toEqual([
      {
        seq: 1,
        at: atTick(0),
        kind: 'AUTH',
        outcome: 'DENIED',
        actorOffice: null,
        actorRole: null,
        actorSub: null,
        actorUnit: null,
        operationName: null,
        coordinates: [],
        rowsReturned: null,
        purpose: null,
        caseNumber: null,
        detail: { reason: 'expired', when: '1970-01-01T00:00:00.000Z' },
        prevHash: GENESIS_HASH,
        hash: entries[0]!.hash,
      },
    ]);
    expect(await log.verify()).toEqual({ ok: true, entries: 1, head: entries[0]!.hash });
  });

  it('rejects a failed append, uses no seq for it, and goes on with the next', async () => {
    const log = logWith();
    const results = await Promise.allSettled([
      log.append(read(1)),
      log.append({ ...read(2), detail: { big: 1n } }),
      log.append({ ...read(3), rowsReturned: 1.5 }),
      log.append(read(4)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.seq : undefined))).toEqual([1, undefined, undefined, 2]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
    expect(await verify()).toMatchObject({ ok: true, entries: 2 });
  });

  it('refuses an empty key', () => {
    expect(() => createOperationLog(database.db, { key: '' })).toThrow(TypeError);
  });
});

describe('operation log: verifying', () => {
  it('finds an empty log intact, with no head', async () => {
    expect(await verify()).toEqual({ ok: true, entries: 0, head: null });
  });

  it('walks the log page by page', async () => {
    await seedChain(10);
    const head = (await rowAt(10)).hash;
    expect(await logWith({ verifyPageSize: 3 }).verify()).toEqual({ ok: true, entries: 10, head });
    await database.db.update(operationLog).set({ rowsReturned: 0 }).where(eq(operationLog.seq, 8));
    expect(await logWith({ verifyPageSize: 3 }).verify()).toEqual(EDITED(8));
  });

  it('finds an edited detail', async () => {
    await seedChain();
    await database.db
      .update(operationLog)
      .set({ detail: { n: 4, note: 'changed' } })
      .where(eq(operationLog.seq, 4));
    expect(await verify()).toEqual(EDITED(4));
  });

  it('finds edited rows returned, and an edited last entry', async () => {
    await seedChain();
    await database.db.update(operationLog).set({ rowsReturned: 999 }).where(eq(operationLog.seq, 10));
    expect(await verify()).toEqual(EDITED(10));
  });

  it('finds an edit that only moves the time by a microsecond', async () => {
    await seedChain();
    await database.db.update(operationLog).set({ at: '2025-03-01T08:00:00.000001Z' }).where(eq(operationLog.seq, 2));
    expect(await verify()).toEqual(EDITED(2));
  });

  it('finds an edited prevHash as an edit', async () => {
    await seedChain();
    await database.db.update(operationLog).set({ prevHash: GENESIS_HASH }).where(eq(operationLog.seq, 6));
    expect(await verify()).toEqual(EDITED(6));
  });

  it('finds a deleted middle entry', async () => {
    await seedChain();
    await database.db.delete(operationLog).where(eq(operationLog.seq, 5));
    expect(await verify()).toEqual({ ok: false, entries: 4, problem: 'DELETED', seq: 5, message: '第 5 条缺失 / entry 5 is missing' });
  });

  it('finds a deleted entry when the rest were renumbered to close the gap', async () => {
    await seedChain();
    await database.db.delete(operationLog).where(eq(operationLog.seq, 5));
    await shiftSeqs(6, -1);
    expect(await verify()).toEqual({
      ok: false,
      entries: 4,
      problem: 'DELETED',
      seq: 5,
      message: '第 5 条之前的条目被删除 / an entry before entry 5 was deleted',
    });
  });

  it('finds two entries swapped, apart or next to each other', async () => {
    for (const [i, j] of [
      [3, 7],
      [4, 5],
    ] as const) {
      await database.db.delete(operationLog);
      await seedChain();
      const [a, b] = [await rowAt(i), await rowAt(j)];
      await database.db
        .update(operationLog)
        .set({ ...b, seq: i })
        .where(eq(operationLog.seq, i));
      await database.db
        .update(operationLog)
        .set({ ...a, seq: j })
        .where(eq(operationLog.seq, j));
      expect(await verify()).toEqual({
        ok: false,
        entries: i - 1,
        problem: 'REORDERED',
        seq: i,
        message: `第 ${i} 条的前序哈希指向其后的第 ${j === i + 1 ? j : j - 1} 条，顺序被调换 / entry ${i} links to entry ${j === i + 1 ? j : j - 1}, which follows it: the order was changed`,
      });
    }
  });

  it('finds a forged entry inserted in the middle, signed with another key', async () => {
    await seedChain();
    await shiftSeqs(4, 1);
    const prevHash = (await rowAt(3)).hash;
    const forged = { ...(await rowAt(5)), seq: 4, detail: { n: 'forged' }, prevHash };
    await database.db.insert(operationLog).values({ ...forged, hash: entryHash(WRONG_KEY, prevHash, forged) });
    expect(await verify()).toEqual(INSERTED(4));
  });

  it('finds an inserted entry whose links are made up', async () => {
    await seedChain();
    await shiftSeqs(4, 1);
    await database.db.insert(operationLog).values({ ...(await rowAt(5)), seq: 4, prevHash: 'f'.repeat(64), hash: 'e'.repeat(64) });
    expect(await verify()).toEqual(INSERTED(4));
  });

  it('finds a copy of an earlier entry added at the end', async () => {
    await seedChain();
    await database.db.insert(operationLog).values({ ...(await rowAt(2)), seq: 11 });
    expect(await verify()).toEqual(INSERTED(11));
  });

  it('finds an entry numbered before the first', async () => {
    await seedChain(3);
    await database.db.insert(operationLog).values({ ...(await rowAt(1)), seq: 0, hash: 'e'.repeat(64) });
    expect(await verify()).toEqual({
      ok: false,
      entries: 0,
      problem: 'INSERTED',
      seq: 0,
      message: "第 0 条不应存在 / entry 0 numbered before the log's start",
    });
  });

  it('finds a forged entry appended at the end, signed with another key (read as an edit: see checkEntry)', async () => {
    await seedChain();
    const prevHash = (await rowAt(10)).hash;
    const forged = { ...(await rowAt(10)), seq: 11, at: '2025-03-01T09:00:00.000Z', prevHash };
    await database.db.insert(operationLog).values({ ...forged, hash: entryHash(WRONG_KEY, prevHash, forged) });
    expect(await verify()).toEqual(EDITED(11));
  });

  it('finds a chain edited and then recomputed with another key, which that key alone would accept', async () => {
    await seedChain();
    await database.db.update(operationLog).set({ rowsReturned: 0 }).where(eq(operationLog.seq, 5));
    let prevHash = GENESIS_HASH;
    for (const row of await rows()) {
      const hash = entryHash(WRONG_KEY, prevHash, row);
      await database.db.update(operationLog).set({ prevHash, hash }).where(eq(operationLog.seq, row.seq));
      prevHash = hash;
    }
    expect(await logWith({ key: WRONG_KEY }).verify()).toEqual({ ok: true, entries: 10, head: prevHash });
    expect(await verify()).toEqual(EDITED(1));
  });
});

describe('operation log: searching', () => {
  beforeEach(async () => {
    const log = logWith();
    await log.append({ kind: 'AUTH', outcome: 'ALLOWED', actor: { office: 'hr', role: 'OPERATOR', sub: 'li' } });
    await log.append({ ...read(1), actor: { office: 'hr', role: 'OPERATOR', sub: 'li' }, operationName: 'Roster', coordinates: ['Person.name'] });
    await log.append({ ...read(2), actor: { office: 'hr', role: 'OPERATOR', sub: 'wang' }, coordinates: ['Institution.quota', 'Person.idNumber'] });
    await log.append({
      kind: 'DENIAL',
      outcome: 'DENIED',
      actor: { office: 'finance', role: 'OPERATOR', sub: 'li' },
      coordinates: ['Person.idNumber'],
      detail: { code: 'FORBIDDEN' },
    });
    await log.append({
      kind: 'CATALOG',
      outcome: 'ALLOWED',
      actor: { office: 'staffing', role: 'COORDINATOR', sub: 'zhao' },
      purpose: '目录维护',
      caseNumber: 'XT-2025-001',
    });
  });
  const search = (filter: OperationLogFilter, page = { limit: 10, offset: 0 }) =>
    logWith()
      .search(filter, page)
      .then((r) => ({ seqs: r.entries.map((e) => e.seq), total: r.total }));

  it('lists newest first, a page at a time, with the total', async () => {
    expect(await search({}, { limit: 2, offset: 0 })).toEqual({ seqs: [5, 4], total: 5 });
    expect(await search({}, { limit: 2, offset: 4 })).toEqual({ seqs: [1], total: 5 });
    expect(await search({}, { limit: 2, offset: 9 })).toEqual({ seqs: [], total: 5 });
  });

  it("lists an operator's own entries by office and subject", async () => {
    expect(await search({ actorOffice: 'hr', actorSub: 'li' })).toEqual({ seqs: [2, 1], total: 2 });
  });

  it('filters by kind, outcome, operation and coordinate', async () => {
    expect(await search({ kind: 'READ' })).toEqual({ seqs: [3, 2], total: 2 });
    expect(await search({ outcome: 'DENIED' })).toEqual({ seqs: [4], total: 1 });
    expect(await search({ operationName: 'PersonCard' })).toEqual({ seqs: [3], total: 1 });
    expect(await search({ coordinate: 'Person.idNumber' })).toEqual({ seqs: [4, 3], total: 2 });
    expect(await search({ coordinate: 'Person.idNumber', kind: 'READ' })).toEqual({ seqs: [3], total: 1 });
  });

  it('filters by time, from inclusive to exclusive, in any zone', async () => {
    expect(await search({ from: atTick(1), to: atTick(3) })).toEqual({ seqs: [3, 2], total: 2 });
    expect(await search({ from: '2025-03-01 16:00:03+08' })).toEqual({ seqs: [5, 4], total: 2 });
  });

  it('returns whole entries', async () => {
    const { entries } = await logWith().search({ kind: 'CATALOG' }, { limit: 1, offset: 0 });
    expect(entries).toEqual([
      {
        seq: 5,
        at: atTick(4),
        kind: 'CATALOG',
        outcome: 'ALLOWED',
        actorOffice: 'staffing',
        actorRole: 'COORDINATOR',
        actorSub: 'zhao',
        actorUnit: null,
        operationName: null,
        coordinates: [],
        rowsReturned: null,
        purpose: '目录维护',
        caseNumber: 'XT-2025-001',
        detail: {},
        prevHash: (await rowAt(4)).hash,
        hash: (await rowAt(5)).hash,
      },
    ]);
  });

  it('refuses a bad page or time as a client error', async () => {
    await expect(search({}, { limit: -1, offset: 0 })).rejects.toMatchObject({ extensions: { code: 'INVALID_ARGUMENT', field: 'limit' } });
    await expect(search({}, { limit: 1, offset: 0.5 })).rejects.toMatchObject({ extensions: { code: 'INVALID_ARGUMENT', field: 'offset' } });
    await expect(search({ to: 'yesterday' })).rejects.toMatchObject({ extensions: { code: 'INVALID_ARGUMENT', field: 'to' } });
  });
});

describe('development key', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'oplog-key-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is made once, owner-only, and read back after', () => {
    const path = join(dir, 'nested', 'operation-log.key');
    const key = loadOrCreateDevKey(path);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateDevKey(path)).toBe(key);
  });

  it('refuses a file that holds no key', () => {
    const path = join(dir, 'bad.key');
    writeFileSync(path, 'not a key');
    expect(() => loadOrCreateDevKey(path)).toThrow(DevKeyError);
  });
});

// Each case starts the CLI as a process twice (tsx and PGlite start-up): allow for a loaded machine.
describe('pnpm audit:verify', { timeout: 180_000 }, () => {
  const cli = fileURLToPath(new URL('./verifyCli.ts', import.meta.url));
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'oplog-cli-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** The CLI on a PGlite folder of its own (whatever DATABASE_URL says), as `pnpm audit:verify` runs it. */
  async function runCli(key?: string, args: string[] = []) {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: root, DATABASE_URL: '', OPERATION_LOG_KEY: key ?? '' };
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args], { env });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, stdout: failed.stdout };
    }
  }

  it('says intact with the dev key, and tampered (exit 1) after an edit', async () => {
    const key = loadOrCreateDevKey(join(root, 'keys', 'operation-log.key'));
    const local = await openGatewayDatabase({ dataDir: join(root, 'gateway') });
    await local.migrate();
    await createOperationLog(local.db, { key, now: clock() }).appendMany([read(1), read(2), read(3)]);
    const head = (await local.db.select().from(operationLog).where(eq(operationLog.seq, 3)))[0]!.hash;
    await local.close();

    expect(await runCli()).toEqual({
      code: 0,
      stdout: [
        `操作日志 / operation log: ${join(root, 'gateway')}`,
        `密钥 / key: ${join(root, 'keys', 'operation-log.key')}`,
        '完整 / intact: 3 条 / entries',
        `链头 / head (SEQ:HASH, 可作 --anchor / use as --anchor): 3:${head}`,
        '',
      ].join('\n'),
    });

    const again = await openGatewayDatabase({ dataDir: join(root, 'gateway') });
    await again.db.update(operationLog).set({ detail: {} }).where(eq(operationLog.seq, 2));
    await again.close();
    expect(readFileSync(join(root, 'keys', 'operation-log.key'), 'utf8').trim()).toBe(key);
    expect(await runCli(key)).toEqual({
      code: 1,
      stdout: [
        `操作日志 / operation log: ${join(root, 'gateway')}`,
        '密钥 / key: OPERATION_LOG_KEY',
        '已被篡改 / TAMPERED: EDITED @ seq 2',
        EDITED(2).message,
        '此前完好 / intact before it: 1 条 / entries',
        '',
      ].join('\n'),
    });
  });

  it('finds entries cut off the end only against a recorded anchor', async () => {
    const key = loadOrCreateDevKey(join(root, 'keys', 'operation-log.key'));
    const local = await openGatewayDatabase({ dataDir: join(root, 'gateway') });
    await local.migrate();
    await local.db.delete(operationLog);
    await createOperationLog(local.db, { key, now: clock() }).appendMany([read(1), read(2), read(3)]);
    const head = (await local.db.select().from(operationLog).where(eq(operationLog.seq, 3)))[0]!.hash;
    // The CLI opens the folder in a process of its own: one process at a time in an embedded database's folder.
    await local.close();
    expect((await runCli(undefined, ['--anchor', `3:${head}`])).code).toBe(0);
    const again = await openGatewayDatabase({ dataDir: join(root, 'gateway') });
    await again.db.delete(operationLog).where(eq(operationLog.seq, 3));
    await again.close();
    expect((await runCli()).code).toBe(0);
    const anchored = await runCli(undefined, ['--anchor', `3:${head}`]);
    expect(anchored.code).toBe(1);
    expect(anchored.stdout).toContain('已被篡改 / TAMPERED: DELETED @ seq 3');
    expect((await runCli(undefined, ['--anchor', 'nonsense'])).code).toBe(2);
  });
});
