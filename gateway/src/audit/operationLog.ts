import { and, asc, count, desc, eq, gt, gte, lt, ne, type Placeholder, sql, type SQL } from 'drizzle-orm';
import { ErrorCode, hubError, MAX_PAGE_SIZE, type Page, preparedSql } from '@hub/schema';
import type { GatewayDb } from '../db/open.ts';
import { operationLog } from '../db/schema.ts';
import { canonicalInstant, entryHash, GENESIS_HASH, type OperationLogContent } from './entryHash.ts';

export type LogKind = 'READ' | 'WRITE' | 'CATALOG' | 'REQUEST' | 'GRANT' | 'DENIAL' | 'AUTH';
/**
 * What happened: ALLOWED (done), DENIED (a read or a request the edge or an office would not serve),
 * REFUSED (a write the catalog or its owner office refused, with the code the caller got), FAILED (a
 * write the hub could not carry out: an office unavailable, an internal error), REPLAYED (a retry with
 * the same Idempotency-Key answered with the first answer, nothing written again).
 */
export type LogOutcome = 'ALLOWED' | 'DENIED' | 'REFUSED' | 'FAILED' | 'REPLAYED';

/** What a caller logs; the log adds seq, time and the chain. */
export interface LogEntryInput {
  kind: LogKind;
  outcome: LogOutcome;
  /** Who acted (a viewer as the gateway read it; only office, role, subject and unit are kept). */
  actor?: { office?: string; role?: string; sub?: string; unit?: string | undefined } | null;
  operationName?: string | null;
  coordinates?: string[];
  rowsReturned?: number | null;
  purpose?: string | null;
  caseNumber?: string | null;
  detail?: Record<string, unknown>;
}

/** A stored entry; `at` in canonical ISO 8601 UTC whatever the driver or server time zone. */
export type OperationLogEntry = typeof operationLog.$inferSelect;

export type TamperKind = 'EDITED' | 'DELETED' | 'REORDERED' | 'INSERTED';

/**
 * `entries`: with ok, all of them and `head` the last hash (null for an empty log); without ok,
 * how many entries from the first verified intact before `seq`, where the first problem is.
 */
export type VerifyResult =
  | { ok: true; entries: number; head: string | null }
  | { ok: false; entries: number; problem: TamperKind; seq: number; message: string };

/** An entry's seq and hash kept outside the database. */
export interface LogAnchor {
  seq: number;
  hash: string;
}

export interface OperationLogFilter {
  actorOffice?: string;
  actorSub?: string;
  kind?: LogKind;
  outcome?: LogOutcome;
  operationName?: string;
  /** Entries whose coordinates include this one (`Type.field`). */
  coordinate?: string;
  /** From this instant, inclusive (ISO 8601 with a zone). */
  from?: string;
  /** Up to this instant, exclusive, so consecutive ranges do not overlap. */
  to?: string;
}

export interface OperationLog {
  append(entry: LogEntryInput): Promise<{ seq: number; hash: string }>;
  /** Several entries in one transaction, consecutive seqs, in the order given. */
  appendMany(entries: readonly LogEntryInput[]): Promise<{ seq: number; hash: string }[]>;
  /**
   * Entries appended inside the caller's transaction, so a change and its log entry commit or roll
   * back together (the advisory lock, taken in that transaction, orders it with every other append).
   */
  appendWithin(tx: GatewayDb, entries: readonly LogEntryInput[]): Promise<{ seq: number; hash: string }[]>;
  /**
   * Checks the whole chain. With an anchor (a `seq` and its hash recorded outside the database, e.g. a
   * head printed by an earlier verify), also that the log still reaches it unchanged: a chain alone
   * cannot show that its newest entries were cut off.
   */
  verify(anchor?: LogAnchor): Promise<VerifyResult>;
  /** Newest first. Which filter a caller may use (an operator only their own) is the caller's rule. */
  search(filter: OperationLogFilter, page: Page): Promise<{ entries: OperationLogEntry[]; total: number }>;
}

export interface OperationLogOptions {
  /** The HMAC key (see entryHash). */
  key: string;
  now?: () => Date;
  /** Rows read per query by verify(); tests make it small to cross pages. */
  verifyPageSize?: number;
}

type Appended = { seq: number; hash: string };

/** An append waiting for the next group's transaction. */
interface Waiting {
  inputs: readonly LogEntryInput[];
  resolve(written: Appended[]): void;
  reject(error: unknown): void;
}

/** Entries in one group's INSERT at most, so that one statement stays a few hundred KB. */
const MAX_GROUP_ENTRIES = 1000;

/**
 * The lock every appender takes, in every gateway process on one database: appends read the last
 * (seq, hash) and write the next, so two at once would fork the chain. 0x6875622d6f706c6f = "hub-oplo".
 */
export const APPEND_LOCK = sql`select pg_advisory_xact_lock(${sql.raw(String(0x6875622d6f706c6fn))})`;

/**
 * 操作日志: append-only, each entry's HMAC covering its content and the previous hash, so an
 * edited, deleted, reordered or inserted entry is found by verify(). Appends are serialised twice: in
 * this process by group commit (one group at a time; every append that arrives while one is being
 * written waits, and all of them are then written together in the next group, in the order they were
 * made, each resolved only once its group has committed), and across processes by a transaction-level
 * advisory lock. A failed group is retried one append at a time, so one append that cannot be written
 * fails alone; the others carry on.
 *
 * A group is one statement (one round trip) while this process knows the log's last entry: the one it
 * wrote last. The statement takes the advisory lock itself and inserts the entries that follow that
 * entry; seq is the primary key, so if another process (another gateway, or appendWithin in a
 * transaction of its own) has appended since, the first new seq is taken, the statement fails whole,
 * and the group is written the long way: a transaction that takes the lock, reads the last entry and
 * inserts after it. The chain can therefore never fork, whichever way a group went.
 */
export function createOperationLog(db: GatewayDb, options: OperationLogOptions): OperationLog {
  const { key, now = () => new Date(), verifyPageSize = 5000 } = options;
  if (!key) throw new TypeError('createOperationLog: the HMAC key is empty');
  let waiting: Waiting[] = [];
  let writing = false;
  /** The log's last entry as far as this process knows (the last it wrote itself); unknown at first and after any failure. */
  let head: Appended | undefined;

  /** One group: one statement after the known head, or the locked transaction when the head is unknown or another process moved it. */
  async function writeGroup(inputs: readonly LogEntryInput[]): Promise<Appended[]> {
    const known = head;
    head = undefined;
    if (known) {
      try {
        // `at` is read before the lock here, yet still follows seq: the statement goes in only if no entry
        // followed `known`, and `known` was written (so its `at` read) before this reading.
        const rows = chain(key, known, now().toISOString(), inputs);
        await appendAfterKnownHead(db, { entries: entriesJson(rows) });
        head = rows[rows.length - 1];
        return rows.map(({ seq, hash }) => ({ seq, hash }));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    const written = await write(db, key, now, inputs);
    head = written[written.length - 1];
    return written;
  }

  /** Writes the waiting appends, a group per transaction, until none is left. */
  async function drain() {
    writing = true;
    while (waiting.length) {
      let entries = 0;
      let taken = 0;
      while (taken < waiting.length && (taken === 0 || entries + waiting[taken]!.inputs.length <= MAX_GROUP_ENTRIES))
        entries += waiting[taken++]!.inputs.length;
      const group = waiting.slice(0, taken);
      waiting = waiting.slice(taken);
      try {
        const written = await writeGroup(group.flatMap((w) => w.inputs));
        let at = 0;
        for (const w of group) {
          w.resolve(written.slice(at, at + w.inputs.length));
          at += w.inputs.length;
        }
      } catch (error) {
        if (group.length === 1) group[0]!.reject(error);
        else for (const w of group) await writeGroup(w.inputs).then(w.resolve, w.reject);
      }
    }
    writing = false;
  }

  const appendMany = (inputs: readonly LogEntryInput[]) => {
    if (inputs.length === 0) return Promise.resolve([]);
    return new Promise<Appended[]>((resolve, reject) => {
      waiting.push({ inputs, resolve, reject });
      if (!writing) void drain();
    });
  };
  return {
    appendMany,
    append: async (entry) => (await appendMany([entry]))[0]!,
    appendWithin: async (tx, inputs) => (inputs.length ? write(tx, key, now, inputs) : []),
    verify: async (anchor) => {
      const result = await verifyChain(db, key, verifyPageSize);
      if (!result.ok || !anchor) return result;
      const [row] = await db.select({ hash: operationLog.hash }).from(operationLog).where(eq(operationLog.seq, anchor.seq));
      if (row?.hash === anchor.hash) return result;
      return row
        ? {
            ok: false,
            entries: result.entries,
            ...problem('EDITED', anchor.seq, `第 ${anchor.seq} 条与记录的锚点哈希不符`, `entry ${anchor.seq} does not match the recorded anchor hash`),
          }
        : {
            ok: false,
            entries: result.entries,
            ...problem(
              'DELETED',
              anchor.seq,
              `日志只有 ${result.entries} 条，锚点第 ${anchor.seq} 条及其后已被截去`,
              `the log ends at entry ${result.entries}: entries from the anchor ${anchor.seq} on were cut off`,
            ),
          };
    },
    search: (filter, page) => search(db, filter, page),
  };
}

/** Appends after the log's last entry, read under the advisory lock in a transaction (the caller's, or one of its own). */
async function write(db: GatewayDb, key: string, now: () => Date, inputs: readonly LogEntryInput[]): Promise<Appended[]> {
  return db.transaction(async (tx) => {
    await tx.execute(APPEND_LOCK);
    const [last] = await tx.select({ seq: operationLog.seq, hash: operationLog.hash }).from(operationLog).orderBy(desc(operationLog.seq)).limit(1);
    // Taken under the lock, so `at` follows seq on one clock.
    const rows = chain(key, last ?? { seq: 0, hash: GENESIS_HASH }, now().toISOString(), inputs);
    await tx.execute(insertEntries(entriesJson(rows), false));
    return rows.map(({ seq, hash }) => ({ seq, hash }));
  });
}

type StoredEntry = OperationLogContent & { prevHash: string; hash: string };

/** The entries that follow `after`, each hash chained to the one before. */
function chain(key: string, after: Appended, at: string, inputs: readonly LogEntryInput[]): StoredEntry[] {
  let seq = after.seq;
  let prevHash = after.hash;
  return inputs.map((input) => {
    const content = toContent(++seq, at, input);
    const row = { ...content, prevHash, hash: entryHash(key, prevHash, content) };
    prevHash = row.hash;
    return row;
  });
}

/** A group's entries as the one JSON parameter of insertEntries, in its column names. */
function entriesJson(rows: readonly StoredEntry[]): string {
  return JSON.stringify(
    rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      kind: row.kind,
      outcome: row.outcome,
      actor_office: row.actorOffice,
      actor_role: row.actorRole,
      actor_sub: row.actorSub,
      actor_unit: row.actorUnit,
      operation_name: row.operationName,
      coordinates: row.coordinates,
      rows_returned: row.rowsReturned,
      purpose: row.purpose,
      case_number: row.caseNumber,
      detail: row.detail,
      prev_hash: row.prevHash,
      hash: row.hash,
    })),
  );
}
/**
 * One INSERT of a group's entries, passed as one JSON parameter (`jsonb_to_recordset`): the same
 * statement text whatever the group's size, so it can be prepared once (appendAfterKnownHead). With
 * `lock`, the statement takes the append lock itself (a CTE every row is joined to, so it is held before
 * the first row goes in, until the statement's own transaction commits).
 */
function insertEntries(json: Placeholder | string, lock: boolean): SQL {
  return sql`${lock ? sql`with append_lock as (${APPEND_LOCK}) ` : sql``}insert into ${operationLog} (${sql.raw(COLUMNS)})
    select ${sql.raw(COLUMNS)} from ${lock ? sql`append_lock, ` : sql``}jsonb_to_recordset(${json}::text::jsonb) as r(${sql.raw(RECORD_TYPES)})`;
}
const COLUMNS =
  'seq, at, kind, outcome, actor_office, actor_role, actor_sub, actor_unit, operation_name, coordinates, rows_returned, purpose, case_number, detail, prev_hash, hash';
const RECORD_TYPES =
  'seq bigint, at timestamptz, kind text, outcome text, actor_office text, actor_role text, actor_sub text, actor_unit text, operation_name text, ' +
  'coordinates jsonb, rows_returned integer, purpose text, case_number text, detail jsonb, prev_hash text, hash text';
/** A group's one statement after the known head, prepared once per database (the kit's preparedSql): every request's entries go through it. */
const appendAfterKnownHead = preparedSql<{ entries: string }>('gateway_operation_log_append', insertEntries(sql.placeholder('entries'), true));

/** Whether an error (drizzle wraps the driver's in `cause`) is PostgreSQL's unique_violation. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error || (typeof e === 'object' && e !== null); e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
    if (!(e as { cause?: unknown }).cause) return false;
  }
  return false;
}

/** The stored form. detail goes through JSON first, so the hash covers what jsonb keeps (no undefined, no Date). */
function toContent(seq: number, at: string, input: LogEntryInput): OperationLogContent {
  return {
    seq,
    at,
    kind: input.kind,
    outcome: input.outcome,
    actorOffice: input.actor?.office ?? null,
    actorRole: input.actor?.role ?? null,
    actorSub: input.actor?.sub ?? null,
    actorUnit: input.actor?.unit ?? null,
    operationName: input.operationName ?? null,
    coordinates: [...(input.coordinates ?? [])],
    rowsReturned: input.rowsReturned ?? null,
    purpose: input.purpose ?? null,
    caseNumber: input.caseNumber ?? null,
    detail: JSON.parse(JSON.stringify(input.detail ?? {})) as Record<string, unknown>,
  };
}

interface Problem {
  problem: TamperKind;
  seq: number;
  message: string;
}

/** Walks the log in seq order, one page per query, and stops at the first entry that breaks the chain. */
async function verifyChain(db: GatewayDb, key: string, pageSize: number): Promise<VerifyResult> {
  let entries = 0;
  let prevHash = GENESIS_HASH;
  let lastSeq: number | undefined;
  for (;;) {
    const page = await db
      .select()
      .from(operationLog)
      .where(lastSeq === undefined ? undefined : gt(operationLog.seq, lastSeq))
      .orderBy(asc(operationLog.seq))
      .limit(pageSize);
    for (const row of page) {
      const found = await checkEntry(db, key, row, entries + 1, prevHash);
      if (found) return { ok: false, entries, ...found };
      entries++;
      prevHash = row.hash;
      lastSeq = row.seq;
    }
    if (page.length < pageSize) return { ok: true, entries, head: entries ? prevHash : null };
  }
}

/**
 * Detection is certain (any change breaks seq continuity, a link or an HMAC); naming the change is
 * a best reading of the first break, by these rules in order:
 * - seq below the expected one (before 1) → INSERTED; seq above it → DELETED (a gap).
 * - prevHash not the previous entry's hash:
 *   - the entry verifies against the right previous hash → EDITED (only its prevHash column changed);
 *   - its own hash appears on another entry → INSERTED (a copy);
 *   - prevHash is the hash of a later entry → REORDERED; of an earlier one → INSERTED;
 *   - prevHash is no entry's hash: the next entry continues the chain in its place → INSERTED,
 *     otherwise → DELETED (what it linked to is gone, the rest renumbered).
 * - link right but the HMAC wrong: the next entry continues the chain in its place → INSERTED,
 *   otherwise → EDITED. A forged entry appended at the end therefore reads as EDITED: without the
 *   key's original input, an edited last entry and a forged one look the same.
 */
async function checkEntry(db: GatewayDb, key: string, row: OperationLogEntry, seq: number, prevHash: string): Promise<Problem | undefined> {
  if (row.seq < seq) return problem('INSERTED', row.seq, `第 ${row.seq} 条不应存在`, `entry ${row.seq} numbered before the log's start`);
  if (row.seq > seq) return problem('DELETED', seq, `第 ${seq} 条缺失`, `entry ${seq} is missing`);
  if (row.prevHash !== prevHash) {
    if (entryHash(key, prevHash, row) === row.hash) return edited(seq);
    if ((await otherSeqWithHash(db, row.hash, seq)) !== undefined) return inserted(seq);
    const pointee = await otherSeqWithHash(db, row.prevHash, seq);
    if (pointee !== undefined && pointee > seq) {
      return problem(
        'REORDERED',
        seq,
        `第 ${seq} 条的前序哈希指向其后的第 ${pointee} 条，顺序被调换`,
        `entry ${seq} links to entry ${pointee}, which follows it: the order was changed`,
      );
    }
    if (pointee !== undefined || (await nextTakesPlace(db, key, seq, prevHash))) return inserted(seq);
    return problem('DELETED', seq, `第 ${seq} 条之前的条目被删除`, `an entry before entry ${seq} was deleted`);
  }
  if (entryHash(key, prevHash, row) === row.hash) return undefined;
  return (await nextTakesPlace(db, key, seq, prevHash)) ? inserted(seq) : edited(seq);
}

/** Whether the entry after `seq` links to `prevHash` or, numbered `seq`, verifies against it: then the entry at `seq` is extra. */
async function nextTakesPlace(db: GatewayDb, key: string, seq: number, prevHash: string): Promise<boolean> {
  const [next] = await db.select().from(operationLog).where(gt(operationLog.seq, seq)).orderBy(asc(operationLog.seq)).limit(1);
  return next !== undefined && (next.prevHash === prevHash || entryHash(key, prevHash, { ...next, seq }) === next.hash);
}

async function otherSeqWithHash(db: GatewayDb, hash: string, seq: number): Promise<number | undefined> {
  const [other] = await db
    .select({ seq: operationLog.seq })
    .from(operationLog)
    .where(and(eq(operationLog.hash, hash), ne(operationLog.seq, seq)))
    .orderBy(asc(operationLog.seq))
    .limit(1);
  return other?.seq;
}

const problem = (kind: TamperKind, seq: number, zh: string, en: string): Problem => ({ problem: kind, seq, message: `${zh} / ${en}` });
const edited = (seq: number) =>
  problem(
    'EDITED',
    seq,
    `第 ${seq} 条内容与其哈希不符（被修改，或在无密钥时伪造）`,
    `entry ${seq} does not match its hash (edited, or forged without the key)`,
  );
const inserted = (seq: number) => problem('INSERTED', seq, `第 ${seq} 条是插入的条目`, `entry ${seq} was inserted into the log`);

async function search(db: GatewayDb, filter: OperationLogFilter, page: Page) {
  if (!Number.isInteger(page.limit) || page.limit < 0 || page.limit > MAX_PAGE_SIZE) {
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'limit', `limit 应为 0 到 ${MAX_PAGE_SIZE} 之间的整数`, `limit must be an integer from 0 to ${MAX_PAGE_SIZE}`);
  }
  if (!Number.isInteger(page.offset) || page.offset < 0) {
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'offset', 'offset 应为非负整数', 'offset must be a non-negative integer');
  }
  const where = and(...filterConditions(filter));
  const [rows, totals] = await Promise.all([
    db.select().from(operationLog).where(where).orderBy(desc(operationLog.seq)).limit(page.limit).offset(page.offset),
    db.select({ total: count() }).from(operationLog).where(where),
  ]);
  return { entries: rows.map((row) => ({ ...row, at: canonicalInstant(row.at) })), total: totals[0]?.total ?? 0 };
}

function filterConditions(filter: OperationLogFilter): SQL[] {
  const conditions: (SQL | undefined)[] = [
    filter.actorOffice === undefined ? undefined : eq(operationLog.actorOffice, filter.actorOffice),
    filter.actorSub === undefined ? undefined : eq(operationLog.actorSub, filter.actorSub),
    filter.kind === undefined ? undefined : eq(operationLog.kind, filter.kind),
    filter.outcome === undefined ? undefined : eq(operationLog.outcome, filter.outcome),
    filter.operationName === undefined ? undefined : eq(operationLog.operationName, filter.operationName),
    filter.coordinate === undefined ? undefined : sql`${operationLog.coordinates} @> ${JSON.stringify([filter.coordinate])}::jsonb`,
    filter.from === undefined ? undefined : gte(operationLog.at, readInstant('from', filter.from)),
    filter.to === undefined ? undefined : lt(operationLog.at, readInstant('to', filter.to)),
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

function readInstant(field: 'from' | 'to', value: string): string {
  try {
    return canonicalInstant(value);
  } catch {
    throw hubError(ErrorCode.INVALID_ARGUMENT, field, `${field} 应为带时区的 ISO 8601 时间`, `${field} must be an ISO 8601 time with a zone`);
  }
}
