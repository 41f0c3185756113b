import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { CatalogDb } from './queries.ts';
import { findingEvents, findings, runFindings } from './schema.ts';

export type FindingRow = typeof findings.$inferSelect;
export type FindingEventRow = typeof findingEvents.$inferSelect;

export interface FindingFilter {
  creditCode?: string | null;
  idNumber?: string | null;
  mustAct?: string | null;
  type?: string | null;
  status?: FindingRow['status'] | null;
}

const where = (f: FindingFilter): SQL | undefined =>
  and(
    f.creditCode ? eq(findings.creditCode, f.creditCode) : undefined,
    f.idNumber ? eq(findings.idNumber, f.idNumber) : undefined,
    f.mustAct ? eq(findings.mustAct, f.mustAct) : undefined,
    f.type ? eq(findings.type, f.type) : undefined,
    f.status ? eq(findings.status, f.status) : undefined,
  );

export const listFindings = (db: CatalogDb, f: FindingFilter, limit: number, offset: number) =>
  db.select().from(findings).where(where(f)).orderBy(asc(findings.id)).limit(limit).offset(offset);

export const countFindings = async (db: CatalogDb, f: FindingFilter) => (await db.select({ n: count() }).from(findings).where(where(f)))[0]!.n;

export const findingsByIds = (db: CatalogDb, ids: readonly number[]) =>
  db
    .select()
    .from(findings)
    .where(inArray(findings.id, [...ids]));

export const eventsOfFindings = (db: CatalogDb, ids: readonly number[]) =>
  db
    .select()
    .from(findingEvents)
    .where(inArray(findingEvents.findingId, [...ids]))
    .orderBy(asc(findingEvents.id));

/** One page of a run's changes, with their findings, in finding order. */
export async function runChanges(db: CatalogDb, runId: number, change: 'NEW' | 'PERSISTING' | 'RESOLVED' | null, limit: number, offset: number) {
  const w = and(eq(runFindings.runId, runId), change ? eq(runFindings.change, change) : undefined);
  const rows = await db
    .select({ change: runFindings.change, finding: findings })
    .from(runFindings)
    .innerJoin(findings, eq(findings.id, runFindings.findingId))
    .where(w)
    .orderBy(asc(runFindings.findingId))
    .limit(limit)
    .offset(offset);
  const total = async () => (await db.select({ n: count() }).from(runFindings).where(w))[0]!.n;
  return { rows, total };
}

/** Changes a finding's status and logs the step, in one transaction; null when its status moved meanwhile. */
export async function answerFinding(
  db: CatalogDb,
  before: FindingRow,
  status: FindingRow['status'],
  event: Omit<typeof findingEvents.$inferInsert, 'findingId'>,
) {
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(findings)
      .set({ status })
      .where(and(eq(findings.id, before.id), eq(findings.status, before.status)))
      .returning();
    if (!after) return null;
    await tx.insert(findingEvents).values({ ...event, findingId: before.id });
    return after;
  });
}

/** A flagged value (校核纠错) as a finding of its own, with its FLAG step. */
export async function insertFlag(db: CatalogDb, row: typeof findings.$inferInsert, event: Omit<typeof findingEvents.$inferInsert, 'findingId'>) {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(findings).values(row).returning();
    await tx.insert(findingEvents).values({ ...event, findingId: created!.id });
    return created!;
  });
}

export const latestFindingsFirst = desc(findings.id);
