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

/** A key for a page of a parent's children: batched per (limit, offset), one query per group. */
export interface PageKey {
  parent: string;
  limit: number;
  offset: number;
}

export const pageKeyString = (k: PageKey) => `${k.parent}|${k.limit}|${k.offset}`;

/** Groups page keys that share limit and offset, so each group is one windowed query. */
export function groupPageKeys(keys: readonly PageKey[]): { limit: number; offset: number; parents: string[] }[] {
  const groups = new Map<string, { limit: number; offset: number; parents: string[] }>();
  for (const k of keys) {
    const id = `${k.limit}|${k.offset}`;
    const g = groups.get(id) ?? { limit: k.limit, offset: k.offset, parents: [] };
    g.parents.push(k.parent);
    groups.set(id, g);
  }
  return [...groups.values()];
}
