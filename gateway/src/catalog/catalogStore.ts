import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { CatalogEntryDefinition } from '@hub/schema/catalog';
import type { LogEntryInput, OperationLog } from '../audit/operationLog.ts';
import type { GatewayDb } from '../db/open.ts';
import { accessRequests, catalogEntries, catalogItems, catalogVersions, grants } from '../db/schema.ts';

export type EntryRow = typeof catalogEntries.$inferSelect;
export type ItemRow = typeof catalogItems.$inferSelect;
export type GrantRow = typeof grants.$inferSelect;
export type RequestRow = typeof accessRequests.$inferSelect;
export type VersionRow = typeof catalogVersions.$inferSelect;

/** The catalog as enforcement reads it: entries with their items, and each coordinate's entry. */
export interface CatalogSnapshot {
  entries: Map<string, EntryRow & { items: ItemRow[] }>;
  byCoordinate: Map<string, EntryRow>;
}

/** Entry fields the coordination group may change through the API (each change versioned). */
export const EDITABLE_FIELDS = [
  'name', 'classification', 'summary', 'format', 'shareType', 'shareConditions', 'shareMethod', 'open', 'updateCycle',
  'relatedCodes', 'basis', 'maintainer', 'status',
] as const;
export type EntryPatch = Partial<Pick<EntryRow, (typeof EDITABLE_FIELDS)[number]>>;

/** The log entries a change makes, written in the change's own transaction (nothing lost on failure). */
export type ChangeLog<T> = (result: T) => LogEntryInput[];

const entrySnapshot = (row: EntryRow) => {
  const { createdAt, updatedAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
};

export interface CatalogStoreOptions {
  /**
   * How long a read of the catalog and of the grants is reused. This gateway's own changes refresh
   * them at once; another gateway instance's changes on the same database are seen within this time.
   */
  maxAgeMs?: number;
  /** The clock of that reuse (tests move it). */
  clock?: () => number;
}

/**
 * The catalog's data in the gateway's database, with an in-memory snapshot for enforcement. Every
 * change made here refreshes the snapshot and the live-grant list at once: a revoked grant stops
 * working on the next request; changes made by other gateway instances arrive within `maxAgeMs`.
 */
export function createCatalogStore(db: GatewayDb, log: OperationLog, options: CatalogStoreOptions = {}) {
  const { maxAgeMs = 1000, clock = Date.now } = options;
  let snapshot: Promise<CatalogSnapshot> | null = null;
  let activeGrants: Promise<GrantRow[]> | null = null;
  let loadedAt = 0;
  const fresh = () => {
    if (clock() - loadedAt > maxAgeMs) {
      snapshot = null;
      activeGrants = null;
      loadedAt = clock();
    }
  };

  async function loadSnapshot(): Promise<CatalogSnapshot> {
    const [entryRows, itemRows] = await Promise.all([
      db.select().from(catalogEntries).orderBy(asc(catalogEntries.code)),
      db.select().from(catalogItems).orderBy(asc(catalogItems.coordinate)),
    ]);
    const entries = new Map(entryRows.map((e) => [e.code, { ...e, items: [] as ItemRow[] }]));
    const byCoordinate = new Map<string, EntryRow>();
    for (const item of itemRows) {
      const entry = entries.get(item.entryCode);
      if (!entry) continue;
      entry.items.push(item);
      byCoordinate.set(item.coordinate, entry);
    }
    return { entries, byCoordinate };
  }

  return {
    snapshot: () => {
      fresh();
      return (snapshot ??= loadSnapshot().catch((e) => ((snapshot = null), Promise.reject(e))));
    },
    /** Grants not revoked (expiry is checked against the clock at each decision). */
    activeGrants: () => {
      fresh();
      return (activeGrants ??= db
        .select()
        .from(grants)
        .where(isNull(grants.revokedAt))
        .catch((e) => ((activeGrants = null), Promise.reject(e))));
    },
    invalidate() {
      snapshot = null;
      activeGrants = null;
    },

    /**
     * Brings the default catalog in: at first start all of it; later only what the database lacks
     * (an entry the file gained, or an item for a field the graph gained), so that a new field is not
     * refused to everyone as "in no entry". Entries the coordination group has changed are never
     * overwritten. Returns the entries added and the items added to existing entries.
     */
    async addMissingDefaults(definitions: readonly CatalogEntryDefinition[], by: string): Promise<{ entries: number; items: number }> {
      const result = await db.transaction(async (tx) => {
        const codes = new Set((await tx.select({ code: catalogEntries.code }).from(catalogEntries)).map((r) => r.code));
        const covered = new Set((await tx.select({ coordinate: catalogItems.coordinate }).from(catalogItems)).map((r) => r.coordinate));
        const logged: LogEntryInput[] = [];
        let entries = 0;
        let itemsAdded = 0;
        for (const def of definitions) {
          const { items: allItems, ...entry } = def;
          const items = allItems.filter((i) => !covered.has(i.coordinate));
          if (codes.has(def.code) && !items.length) continue;
          let row: EntryRow;
          if (!codes.has(def.code)) {
            [row] = (await tx
              .insert(catalogEntries)
              .values({ ...entry, shareConditions: entry.shareConditions ?? null, basis: entry.basis ?? null, version: 1 })
              .returning()) as [EntryRow];
            entries++;
          } else {
            const [current] = await tx.select().from(catalogEntries).where(eq(catalogEntries.code, def.code));
            [row] = (await tx.update(catalogEntries).set({ version: current!.version + 1, updatedAt: new Date() }).where(eq(catalogEntries.code, def.code)).returning()) as [EntryRow];
            itemsAdded += items.length;
          }
          if (items.length) await tx.insert(catalogItems).values(items.map((i) => ({ ...i, entryCode: def.code })));
          const changes: Record<string, { before: unknown; after: unknown }> = codes.has(def.code) ? { items: { before: null, after: items.map((i) => i.coordinate) } } : {};
          const allItemsNow = await tx.select().from(catalogItems).where(eq(catalogItems.entryCode, def.code));
          await tx.insert(catalogVersions).values({ entryCode: def.code, version: row.version, changedBy: by, changes, snapshot: { ...entrySnapshot(row), items: allItemsNow } });
          logged.push({
            kind: 'CATALOG',
            outcome: 'ALLOWED',
            actor: { sub: by },
            coordinates: items.map((i) => i.coordinate),
            detail: { action: codes.has(def.code) ? 'ADD_DEFAULT_ITEMS' : 'ADD_DEFAULT_ENTRY', entry: def.code, version: row.version },
          });
        }
        // At first start one entry says the default catalog was loaded; later, one per change.
        const firstStart = codes.size === 0;
        await log.appendWithin(
          tx,
          firstStart && entries ? [{ kind: 'CATALOG', outcome: 'ALLOWED', actor: { sub: by }, detail: { action: 'SEED_DEFAULT_CATALOG', entries } }] : logged,
        );
        return { entries, items: itemsAdded };
      });
      this.invalidate();
      return result;
    },

    /** The versions of several entries in one statement, newest first (for a per-request DataLoader). */
    versionsOfEntries: (codes: readonly string[]) =>
      db.select().from(catalogVersions).where(inArray(catalogVersions.entryCode, [...codes])).orderBy(asc(catalogVersions.entryCode), desc(catalogVersions.version)),

    /** Applies a patch as one new version, with what changed, in one transaction. */
    async updateEntry(
      code: string,
      patch: EntryPatch,
      by: string,
      changeLog: ChangeLog<{ entry: EntryRow; changes: Record<string, { before: unknown; after: unknown }> }> = () => [],
    ): Promise<{ entry: EntryRow; changes: Record<string, { before: unknown; after: unknown }> }> {
      const result = await db.transaction(async (tx) => {
        const [current] = await tx.select().from(catalogEntries).where(eq(catalogEntries.code, code)).for('update');
        if (!current) return null;
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        for (const field of EDITABLE_FIELDS) {
          if (!(field in patch) || patch[field] === undefined) continue;
          if (JSON.stringify(current[field]) !== JSON.stringify(patch[field])) changes[field] = { before: current[field], after: patch[field] };
        }
        if (!Object.keys(changes).length) return { entry: current, changes };
        const [entry] = await tx
          .update(catalogEntries)
          .set({ ...patch, version: current.version + 1, updatedAt: new Date() })
          .where(eq(catalogEntries.code, code))
          .returning();
        const items = await tx.select().from(catalogItems).where(eq(catalogItems.entryCode, code));
        await tx.insert(catalogVersions).values({ entryCode: code, version: entry!.version, changedBy: by, changes, snapshot: { ...entrySnapshot(entry!), items } });
        await log.appendWithin(tx, changeLog({ entry: entry!, changes }));
        return { entry: entry!, changes };
      });
      this.invalidate();
      if (!result) throw new Error(`no catalog entry ${code}`);
      return result;
    },

    requests: (filter: { status?: RequestRow['status']; entryCodes?: string[]; requesterOffice?: string }) =>
      db
        .select()
        .from(accessRequests)
        .where(
          and(
            filter.status ? eq(accessRequests.status, filter.status) : undefined,
            filter.entryCodes ? inArray(accessRequests.entryCode, filter.entryCodes) : undefined,
            filter.requesterOffice ? eq(accessRequests.requesterOffice, filter.requesterOffice) : undefined,
          ),
        )
        .orderBy(asc(accessRequests.id)),

    request: async (id: number) => (await db.select().from(accessRequests).where(eq(accessRequests.id, id)))[0] ?? null,

    insertRequest: (row: typeof accessRequests.$inferInsert, changeLog: ChangeLog<RequestRow> = () => []) =>
      db.transaction(async (tx) => {
        const [request] = await tx.insert(accessRequests).values(row).returning();
        await log.appendWithin(tx, changeLog(request!));
        return request!;
      }),

    /** Approves (creating the grant) or refuses a pending request, in one transaction. */
    async decide(
      id: number,
      decision: { approve: boolean; by: string; reason: string; expiresAt: Date | null; at: Date },
      changeLog: ChangeLog<{ request: RequestRow; grant: GrantRow | null }> = () => [],
    ) {
      const result = await db.transaction(async (tx) => {
        const [request] = await tx
          .update(accessRequests)
          .set({ status: decision.approve ? 'APPROVED' : 'REFUSED', decidedAt: decision.at, decidedBy: decision.by, decisionReason: decision.reason })
          .where(and(eq(accessRequests.id, id), eq(accessRequests.status, 'PENDING')))
          .returning();
        if (!request) return { request: null, grant: null };
        const [grant] = decision.approve
          ? await tx
              .insert(grants)
              .values({ requestId: id, entryCode: request.entryCode, granteeOffice: request.requesterOffice, coordinates: request.coordinates, grantedAt: decision.at, expiresAt: decision.expiresAt! })
              .returning()
          : [null];
        await log.appendWithin(tx, changeLog({ request, grant: grant ?? null }));
        return { request, grant: grant ?? null };
      });
      this.invalidate();
      return result;
    },

    grants: (filter: { entryCodes?: string[]; granteeOffice?: string }) =>
      db
        .select()
        .from(grants)
        .where(
          and(
            filter.entryCodes ? inArray(grants.entryCode, filter.entryCodes) : undefined,
            filter.granteeOffice ? eq(grants.granteeOffice, filter.granteeOffice) : undefined,
          ),
        )
        .orderBy(asc(grants.id)),

    grant: async (id: number) => (await db.select().from(grants).where(eq(grants.id, id)))[0] ?? null,

    async revokeGrant(id: number, by: string, reason: string, at: Date, changeLog: ChangeLog<GrantRow> = () => []) {
      const grant = await db.transaction(async (tx) => {
        const [revoked] = await tx
          .update(grants)
          .set({ revokedAt: at, revokedBy: by, revokeReason: reason })
          .where(and(eq(grants.id, id), isNull(grants.revokedAt)))
          .returning();
        if (revoked) await log.appendWithin(tx, changeLog(revoked));
        return revoked ?? null;
      });
      this.invalidate();
      return grant;
    },
  };
}

export type CatalogStore = ReturnType<typeof createCatalogStore>;
