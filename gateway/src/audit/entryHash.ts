import { createHmac } from 'node:crypto';
import type { operationLog } from '../db/schema.ts';
import { canonicalJson } from './canonicalJson.ts';

/** The `prevHash` of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every stored column of an operation-log entry except the chain's own two. */
export type OperationLogContent = Omit<typeof operationLog.$inferSelect, 'prevHash' | 'hash'>;

/**
 * The hash of one operation-log entry: HMAC-SHA256, hex, over the previous entry's hash followed by
 * the canonical JSON of all the entry's other columns (seq included, so an entry cannot move).
 *
 * An HMAC and not a plain SHA-256: whoever can write the table but does not hold the key can
 * neither recompute a chain after an edit nor forge a new entry that verifies.
 *
 * The columns are picked one by one (the type makes a new column a compile error here), so that
 * passing a whole row, hash included, hashes the same as passing its content.
 */
export function entryHash(key: string, prevHash: string, entry: OperationLogContent): string {
  const content: OperationLogContent = {
    seq: entry.seq,
    at: canonicalInstant(entry.at),
    kind: entry.kind,
    outcome: entry.outcome,
    actorOffice: entry.actorOffice,
    actorRole: entry.actorRole,
    actorSub: entry.actorSub,
    actorUnit: entry.actorUnit,
    operationName: entry.operationName,
    coordinates: entry.coordinates,
    rowsReturned: entry.rowsReturned,
    purpose: entry.purpose,
    caseNumber: entry.caseNumber,
    detail: entry.detail,
  };
  return createHmac('sha256', key).update(prevHash).update(canonicalJson(content)).digest('hex');
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)$/;

/**
 * One text per instant, whatever wrote it: `at` goes in as `Date.toISOString()` text but comes back
 * from timestamptz as PostgreSQL prints it (`2024-05-01 18:00:00.123+08`, in the session's time
 * zone). The result is ISO 8601 in UTC with milliseconds, or microseconds when there are any, so
 * a tampering that touches only the microseconds still changes the hash.
 */
export function canonicalInstant(at: string): string {
  const m = INSTANT.exec(at);
  if (!m) throw new RangeError(`not a timestamp this log writes: "${at}"`);
  const [, year, month, day, hour, minute, second, fraction = '', zone, sign, zoneHours, zoneMinutes, zoneSeconds] = m;
  const offsetSeconds = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(zoneHours) * 3600 + Number(zoneMinutes ?? 0) * 60 + Number(zoneSeconds ?? 0));
  const instant = new Date(0);
  instant.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  instant.setUTCHours(Number(hour), Number(minute), Number(second) - offsetSeconds);
  const micros = fraction.padEnd(6, '0');
  const shown = micros.endsWith('000') ? micros.slice(0, 3) : micros;
  return `${instant.toISOString().slice(0, 19)}.${shown}Z`;
}
