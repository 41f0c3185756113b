import { count, getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditRecord } from '../audit.ts';
import type { Db } from '../db.ts';
import { anyOf } from './anyOf.ts';
import { bulkUpsert } from './bulkUpsert.ts';

/** A unit's rows of one table, as the log keeps them: how many, and an md5 over their contents in key order. */
export interface UnitRowsSummary {
  rows: number;
  hash: string | null;
}

/** A row the import moved from a unit the file does not name (the person was on another unit's ledger). */
export interface MovedRow {
  key: string;
  rowNumber: number;
  fromUnit: string;
  toUnit: string;
}

/** Keys listed in a summary as added or removed; beyond it only the count. */
const KEYS_SHOWN = 20;

export interface ReplaceUnitRowsOptions<T extends PgTable> {
  table: T;
  /** The table's key (an ID number). */
  key: PgColumn;
  /** The column naming the unit a row belongs to. */
  unit: PgColumn;
  /** The entity name of the audit records (`LedgerEntry`, `Employment` …). */
  entity: string;
}

/**
 * Replaces the rows of the units an import names (its scope) in one table keyed by one column: the
 * first time a unit appears, its rows are summarised and deleted; every row of the file is then
 * upserted. A key already held by a unit outside the file (one person, two units) moves to the file's
 * unit, and is reported (`finish().moved`) so the importer can warn; that unit's change is logged too.
 * The log gets one record per unit touched: rows and hash before and after, the keys added and removed
 * (the first 20, and how many), never the rows themselves.
 */
// biome-ignore lint/suspicious/noExplicitAny: any office's drizzle transaction
export function replaceUnitRows<T extends PgTable>(tx: Db<any>, options: ReplaceUnitRowsOptions<T>) {
  const { table, key, unit } = options;
  const columns = Object.values(getTableColumns(table)) as PgColumn[];
  const keyName = Object.entries(getTableColumns(table)).find(([, column]) => column === key)![0];
  const unitName = Object.entries(getTableColumns(table)).find(([, column]) => column === unit)![0];
  /** Units whose rows were summarised before any change: the file's units and those rows moved from. */
  const before = new Map<string, UnitRowsSummary & { keys: Set<string> }>();
  const scope = new Set<string>();
  const added = new Map<string, string[]>();
  const addedCount = new Map<string, number>();
  const moved: MovedRow[] = [];

  const summarise = async (units: readonly string[]) => {
    const fresh = units.filter((u) => !before.has(u));
    if (fresh.length === 0) return;
    for (const u of fresh) before.set(u, { rows: 0, hash: null, keys: new Set() });
    for (const row of await summaries(fresh)) Object.assign(before.get(row.unit)!, { rows: row.rows, hash: row.hash });
    const keys = await tx
      .select({ key, unit })
      .from(table as PgTable)
      .where(anyOf(unit, fresh));
    for (const row of keys as { key: string; unit: string }[]) before.get(row.unit)!.keys.add(row.key);
  };

  const summaries = async (units: readonly string[]) =>
    (await tx
      .select({
        unit,
        rows: count(),
        hash: sql<string>`md5(string_agg(md5(row(${sql.join(columns, sql`, `)})::text), '' order by ${key}))`,
      })
      .from(table as PgTable)
      .where(anyOf(unit, units))
      .groupBy(unit)) as { unit: string; rows: number; hash: string }[];

  return {
    /** Puts one batch of rows (the table's insert shape) and the spreadsheet rows they came from. */
    async put(rows: readonly { rowNumber: number; values: T['$inferInsert'] }[]) {
      const units = [...new Set(rows.map((r) => String((r.values as Record<string, unknown>)[unitName])))];
      const newUnits = units.filter((u) => !scope.has(u));
      if (newUnits.length) {
        await summarise(newUnits);
        await tx.delete(table as PgTable).where(anyOf(unit, newUnits));
        for (const u of newUnits) scope.add(u);
      }
      const keys = rows.map((r) => String((r.values as Record<string, unknown>)[keyName]));
      const held = (await tx
        .select({ key, unit })
        .from(table as PgTable)
        .where(anyOf(key, keys))) as { key: string; unit: string }[];
      if (held.length) {
        await summarise(held.map((h) => h.unit));
        const heldBy = new Map(held.map((h) => [h.key, h.unit]));
        for (const r of rows) {
          const values = r.values as Record<string, unknown>;
          const from = heldBy.get(String(values[keyName]));
          if (from && from !== values[unitName])
            moved.push({ key: String(values[keyName]), rowNumber: r.rowNumber, fromUnit: from, toUnit: String(values[unitName]) });
        }
      }
      for (const r of rows) {
        const values = r.values as Record<string, unknown>;
        const u = String(values[unitName]);
        const k = String(values[keyName]);
        if (before.get(u)?.keys.delete(k)) continue;
        addedCount.set(u, (addedCount.get(u) ?? 0) + 1);
        const shown = added.get(u) ?? [];
        if (shown.length < KEYS_SHOWN) added.set(u, [...shown, k]);
      }
      await bulkUpsert(
        tx,
        table,
        rows.map((r) => r.values),
        key,
      );
    },
    /** Audit records per unit touched, and the rows moved from units outside the file. */
    async finish(): Promise<{ audit: AuditRecord[]; moved: MovedRow[]; scope: ReadonlySet<string> }> {
      const touched = [...before.keys()];
      const after = new Map<string, UnitRowsSummary>();
      for (let i = 0; i < touched.length; i += 1000)
        for (const row of await summaries(touched.slice(i, i + 1000))) after.set(row.unit, { rows: row.rows, hash: row.hash });
      const audit = touched.map((u): AuditRecord => {
        const { keys: removedKeys, ...was } = before.get(u)!;
        return {
          entity: options.entity,
          key: u,
          action: scope.has(u) ? 'IMPORT_REPLACE' : 'IMPORT_MOVED_OUT',
          before: was,
          after: {
            ...(after.get(u) ?? { rows: 0, hash: null }),
            added: { count: addedCount.get(u) ?? 0, keys: added.get(u) ?? [] },
            removed: { count: removedKeys.size, keys: [...removedKeys].slice(0, KEYS_SHOWN) },
          },
        };
      });
      return { audit, moved: moved.filter((m) => !scope.has(m.fromUnit)), scope };
    },
  };
}
