import DataLoader from 'dataloader';
import type { ColumnSet } from './selectedColumns.ts';

/** Lines rows up with DataLoader keys, one row (or null) per key. */
export function oneByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map<K, R>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Lines rows up with DataLoader keys, a list (maybe empty) per key. */
export function manyByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const map = new Map<K, R[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * A key for a page of a parent's children; `filter` tells apart pages of differently filtered lists,
 * `columns` pages read with different column sets (selectedColumns; all columns when unset).
 */
export interface PageKey {
  parent: string;
  limit: number;
  offset: number;
  filter?: string | undefined;
  columns?: ColumnSet | undefined;
}

const pageOf = (k: PageKey) => `${k.filter ?? ''}|${k.columns?.key ?? '*'}|${k.limit}|${k.offset}`;
const pageKey = (k: PageKey) => `${k.parent}|${pageOf(k)}`;

/**
 * A per-request loader of pages of children (an institution's ledger, workforce, payroll): keys that
 * share limit, offset, filter and column set become one windowed query, so N parents cost one statement.
 */
export function pagedLoader<R>(fetchPage: (parents: string[], page: PageKey) => Promise<R[]>, parentOf: (row: R) => string) {
  return new DataLoader<PageKey, R[], string>(
    async (keys) => {
      const groups = new Map<string, PageKey[]>();
      for (const k of keys) {
        const id = pageOf(k);
        groups.set(id, [...(groups.get(id) ?? []), k]);
      }
      const pages = new Map<string, R[]>();
      for (const group of groups.values()) {
        const parents = group.map((k) => k.parent);
        const rows = await fetchPage(parents, group[0]!);
        for (const [i, list] of manyByKey(parents, rows, parentOf).entries()) pages.set(pageKey(group[i]!), list);
      }
      return keys.map((k) => pages.get(pageKey(k)) ?? []);
    },
    { cacheKeyFn: pageKey },
  );
}
