import { ErrorCode, hubError } from './errors.ts';

/** The largest page a client may ask for: an institution's whole roster fits in one page. */
export const MAX_PAGE_SIZE = 1000;

export interface Page {
  limit: number;
  offset: number;
}

/**
 * Reads `first`/`after` into a limit and offset. Cursors are opaque to clients (base64 of the
 * offset); a bad one is a client error, not a crash.
 */
export function readPage(first: number | null | undefined, after: string | null | undefined, defaultSize = 20): Page {
  const limit = first ?? defaultSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'first', `first 应为 0 到 ${MAX_PAGE_SIZE} 之间的整数`, `first must be an integer from 0 to ${MAX_PAGE_SIZE}`);
  }
  if (after == null) return { limit, offset: 0 };
  const match = /^offset:(\d+)$/.exec(Buffer.from(after, 'base64').toString('utf8'));
  if (!match) throw hubError(ErrorCode.INVALID_ARGUMENT, 'after', '分页游标无效', 'the cursor is not one this server gave out');
  return { limit, offset: Number(match[1]) + 1 };
}

export function cursorAt(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64');
}

/**
 * A connection from one page of rows fetched with limit + 1 (the extra row tells hasNextPage).
 * `totalCount` is counted only when a query reads it: a getter, which graphql-js's default resolver
 * and graphql-jit's compiled property read both call (graphql-jit does not call a function-valued
 * property, as graphql-js does).
 */
export function connection<T>(rowsPlusOne: T[], page: Page, totalCount?: () => Promise<number> | number) {
  const nodes = rowsPlusOne.slice(0, page.limit);
  return {
    nodes,
    get totalCount(): Promise<number> | number | undefined {
      return totalCount?.();
    },
    pageInfo: {
      hasNextPage: rowsPlusOne.length > page.limit,
      endCursor: nodes.length ? cursorAt(page.offset + nodes.length - 1) : null,
    },
  };
}
