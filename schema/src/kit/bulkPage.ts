import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { ErrorCode, hubError } from './errors.ts';
import type { Viewer } from './roles.ts';

/**
 * The largest page of a bulk read (机构编制核查的批量读取): rows are lists of scalars, so a page is one
 * object for the gateway's cost limit whatever its size; this bounds what one response holds.
 */
export const MAX_BULK_PAGE_SIZE = 5000;

/** One page of a bulk read: the column names once, then each row as a list of strings (null: no value). */
export interface BulkPage {
  columns: string[];
  rows: (string | null)[][];
  /** The cursor of the page after this one; null on the last page. */
  nextCursor: string | null;
  /** Rows in the whole dataset, counted for the first page only (a run's progress); null after. */
  total: number | null;
}

export interface BulkCursor {
  limit: number;
  /** The key of the last row already read (keyset pagination), or null from the start. */
  after: string[] | null;
}

/**
 * Reads `first`/`after` of a bulk read. The cursor is the key of the last row read (base64 of its
 * JSON), so each page is an index range scan however far the read has got, and rows written
 * meanwhile neither repeat nor shift a page.
 */
export function readBulkCursor(first: number | null | undefined, after: string | null | undefined, keyLength: number): BulkCursor {
  const limit = first ?? 1000;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BULK_PAGE_SIZE) {
    throw hubError(
      ErrorCode.INVALID_ARGUMENT,
      'first',
      `first 应为 1 到 ${MAX_BULK_PAGE_SIZE} 之间的整数`,
      `first must be an integer from 1 to ${MAX_BULK_PAGE_SIZE}`,
    );
  }
  if (after == null) return { limit, after: null };
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== keyLength || !key.every((k) => typeof k === 'string')) {
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'after', '分页游标无效', 'the cursor is not one this server gave out');
  }
  return { limit, after: key as string[] };
}

/** `(k1, k2 …) > (v1, v2 …)`: the rows after the cursor's key, in key order. */
export const afterKey = (columns: (AnyColumn | SQL)[], key: string[] | null): SQL | undefined =>
  key === null
    ? undefined
    : sql`(${sql.join(
        columns.map((c) => sql`${c}`),
        sql`, `,
      )}) > (${sql.join(
        key.map((k) => sql`${k}`),
        sql`, `,
      )})`;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : String(value));

/** A page from `limit + 1` rows read in key order: the extra row only tells that there is a next page. */
export function bulkPage<T extends Record<string, unknown>>(
  rowsPlusOne: T[],
  columns: readonly (keyof T & string)[],
  key: readonly (keyof T & string)[],
  limit: number,
  total: number | null = null,
): BulkPage {
  const rows = rowsPlusOne.slice(0, limit);
  const last = rows[rows.length - 1];
  return {
    columns: [...columns],
    rows: rows.map((r) => columns.map((c) => text(r[c]))),
    nextCursor: rowsPlusOne.length > limit && last ? Buffer.from(JSON.stringify(key.map((k) => text(last[k]) ?? '')), 'utf8').toString('base64url') : null,
    total,
  };
}

/**
 * Bulk reads serve the coordination group's verification (协调小组, its token a COORDINATOR's), not
 * ordinary queries: anyone else is refused, whatever the catalog grants, and reads through the paged fields.
 */
export function requireBulkReader(viewer: Viewer | null): void {
  if (viewer?.role === 'COORDINATOR') return;
  throw hubError(
    ErrorCode.FORBIDDEN,
    null,
    '批量读取仅供协调小组机构编制核查使用',
    'bulk reads serve the coordination group’s verification only (a COORDINATOR’s token)',
    { reason: 'BULK_READ_COORDINATION_ONLY' },
  );
}
