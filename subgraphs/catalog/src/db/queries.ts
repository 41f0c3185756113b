import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@hub/schema';
import type { CatalogEntryDefinition } from '@hub/schema/contracts';
import * as schema from './schema.ts';

const { accessRequests, catalogEntries, catalogItems, catalogVersions, grants } = schema;

export type CatalogDb = Db<typeof schema>;
export type EntryRow = typeof catalogEntries.$inferSelect;
export type ItemRow = typeof catalogItems.$inferSelect;
export type GrantRow = typeof grants.$inferSelect;
export type RequestRow = typeof accessRequests.$inferSelect;
export type VersionRow = typeof catalogVersions.$inferSelect;
/** An entry with its information items, as the API and the snapshot read it. */
export type Entry = EntryRow & { items: ItemRow[] };
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Entry fields the coordination group may change through the API (each change versioned). */
export const EDITABLE_FIELDS = [
  'name',
  'classification',
  'summary',
  'format',
  'shareType',
  'shareConditions',
  'shareMethod',
  'open',
  'updateCycle',
  'relatedCodes',
  'basis',
  'maintainer',
  'status',
] as const;
export type EntryPatch = Partial<Pick<EntryRow, (typeof EDITABLE_FIELDS)[number]>>;

const entrySnapshot = (row: EntryRow) => {
  const { createdAt, updatedAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
};

/** Every entry with its items, by code (two statements). */
export async function entriesWithItems(db: CatalogDb): Promise<Map<string, Entry>> {
  const [entryRows, itemRows] = await Promise.all([
    db.select().from(catalogEntries).orderBy(asc(catalogEntries.code)),
    db.select().from(catalogItems).orderBy(asc(catalogItems.coordinate)),
  ]);
  const entries = new Map(entryRows.map((e) => [e.code, { ...e, items: [] as ItemRow[] }]));
  for (const item of itemRows) entries.get(item.entryCode)?.items.push(item);
  return entries;
}

/** Grants not revoked (expiry is checked against the clock at each decision). */
export const unrevokedGrants = (db: CatalogDb) => db.select().from(grants).where(isNull(grants.revokedAt)).orderBy(asc(grants.id));

/**
 * Brings the default catalog in: at first start all of it; later only what the database lacks (an
 * entry the file gained, or an item for a field the graph gained), so that a new field is not refused
 * to everyone as "in no entry". Entries the coordination group has changed are never overwritten;
 * each addition is a new version of its entry. Returns the entries added and the items added to
 * existing entries.
 */
export async function addMissingDefaults(
  db: CatalogDb,
  definitions: readonly CatalogEntryDefinition[],
  by: string,
): Promise<{ entries: number; items: number }> {
  return db.transaction(async (tx) => {
    const codes = new Set((await tx.select({ code: catalogEntries.code }).from(catalogEntries)).map((r) => r.code));
    const covered = new Set((await tx.select({ coordinate: catalogItems.coordinate }).from(catalogItems)).map((r) => r.coordinate));
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
        [row] = (await tx
          .update(catalogEntries)
          .set({ version: current!.version + 1, updatedAt: new Date() })
          .where(eq(catalogEntries.code, def.code))
          .returning()) as [EntryRow];
        itemsAdded += items.length;
      }
      if (items.length) await tx.insert(catalogItems).values(items.map((i) => ({ ...i, entryCode: def.code })));
      const changes: FieldChanges = codes.has(def.code) ? { items: { before: null, after: items.map((i) => i.coordinate) } } : {};
      const allItemsNow = await tx.select().from(catalogItems).where(eq(catalogItems.entryCode, def.code));
      await tx
        .insert(catalogVersions)
        .values({ entryCode: def.code, version: row.version, changedBy: by, changes, snapshot: { ...entrySnapshot(row), items: allItemsNow } });
    }
    return { entries, items: itemsAdded };
  });
}

/** The versions of several entries in one statement, newest first (for a per-request DataLoader). */
export const versionsOfEntries = (db: CatalogDb, codes: readonly string[]) =>
  db
    .select()
    .from(catalogVersions)
    .where(inArray(catalogVersions.entryCode, [...codes]))
    .orderBy(asc(catalogVersions.entryCode), desc(catalogVersions.version));

/** Applies a patch as one new version, with what changed, in one transaction; null for an unknown code. */
export async function updateEntry(db: CatalogDb, code: string, patch: EntryPatch, by: string): Promise<{ entry: EntryRow; changes: FieldChanges } | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(catalogEntries).where(eq(catalogEntries.code, code)).for('update');
    if (!current) return null;
    const changes: FieldChanges = {};
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
    await tx
      .insert(catalogVersions)
      .values({ entryCode: code, version: entry!.version, changedBy: by, changes, snapshot: { ...entrySnapshot(entry!), items } });
    return { entry: entry!, changes };
  });
}

export const requests = (db: CatalogDb, filter: { status?: RequestRow['status'] | undefined; entryCodes?: string[]; requesterOffice?: string }) =>
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
    .orderBy(asc(accessRequests.id));

export const requestById = async (db: CatalogDb, id: number) => (await db.select().from(accessRequests).where(eq(accessRequests.id, id)))[0] ?? null;

/**
 * Files a PENDING request, or finds the identical one already pending (same office, entry, items,
 * purpose, case and period): the partial unique index `access_requests_pending_identical_idx` lets one
 * of any number of racing inserts through and turns the others into no-ops, which then read the winner.
 */
export async function fileRequest(
  db: CatalogDb,
  row: typeof accessRequests.$inferInsert & { status: 'PENDING' },
): Promise<{ request: RequestRow; filed: boolean }> {
  const identical = and(
    eq(accessRequests.status, 'PENDING'),
    eq(accessRequests.requesterOffice, row.requesterOffice),
    eq(accessRequests.entryCode, row.entryCode),
    sql`${accessRequests.coordinates} = ${JSON.stringify(row.coordinates)}::jsonb`,
    eq(accessRequests.purpose, row.purpose),
    row.caseNumber == null ? isNull(accessRequests.caseNumber) : eq(accessRequests.caseNumber, row.caseNumber),
    eq(accessRequests.periodFrom, row.periodFrom),
    eq(accessRequests.periodTo, row.periodTo),
  );
  // A pending one decided between the insert and the read leaves the way free: insert again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [filed] = await db.insert(accessRequests).values(row).onConflictDoNothing().returning();
    if (filed) return { request: filed, filed: true };
    const [pending] = await db.select().from(accessRequests).where(identical).orderBy(asc(accessRequests.id)).limit(1);
    if (pending) return { request: pending, filed: false };
  }
  throw new Error('fileRequest: an identical pending request kept appearing and disappearing');
}

/** Approves (creating the grant) or refuses a pending request, in one transaction; null when it was no longer pending. */
export async function decideRequest(db: CatalogDb, id: number, decision: { approve: boolean; by: string; reason: string; expiresAt: Date | null; at: Date }) {
  return db.transaction(async (tx) => {
    const [request] = await tx
      .update(accessRequests)
      .set({ status: decision.approve ? 'APPROVED' : 'REFUSED', decidedAt: decision.at, decidedBy: decision.by, decisionReason: decision.reason })
      .where(and(eq(accessRequests.id, id), eq(accessRequests.status, 'PENDING')))
      .returning();
    if (!request) return null;
    const [grant] = decision.approve
      ? await tx
          .insert(grants)
          .values({
            requestId: id,
            entryCode: request.entryCode,
            granteeOffice: request.requesterOffice,
            coordinates: request.coordinates,
            grantedAt: decision.at,
            expiresAt: decision.expiresAt!,
          })
          .returning()
      : [null];
    return { request, grant: grant ?? null };
  });
}

export const grantsWhere = (db: CatalogDb, filter: { entryCodes?: string[]; granteeOffice?: string }) =>
  db
    .select()
    .from(grants)
    .where(
      and(
        filter.entryCodes ? inArray(grants.entryCode, filter.entryCodes) : undefined,
        filter.granteeOffice ? eq(grants.granteeOffice, filter.granteeOffice) : undefined,
      ),
    )
    .orderBy(asc(grants.id));

export const grantById = async (db: CatalogDb, id: number) => (await db.select().from(grants).where(eq(grants.id, id)))[0] ?? null;

/** Revokes a grant not yet revoked; null when someone else revoked it first. */
export const revokeGrant = async (db: CatalogDb, id: number, by: string, reason: string, at: Date) =>
  (
    await db
      .update(grants)
      .set({ revokedAt: at, revokedBy: by, revokeReason: reason })
      .where(and(eq(grants.id, id), isNull(grants.revokedAt)))
      .returning()
  )[0] ?? null;
