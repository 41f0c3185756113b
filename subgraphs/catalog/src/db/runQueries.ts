import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { RunScope } from '../domain/verification/scopeCovers.ts';
import type { CatalogDb } from './queries.ts';
import { type RunPhase, verificationRuns } from './schema.ts';

export type RunRow = typeof verificationRuns.$inferSelect;

/**
 * Queues a run of a scope, or returns the one of that scope already queued or running (the partial
 * unique index decides, so two requests at once, on two instances, queue one run).
 */
export async function enqueueRun(
  db: CatalogDb,
  scope: RunScope,
  trigger: RunRow['trigger'],
  period: string | null,
  requestedBy: string,
  now: Date,
): Promise<{ run: RunRow | null; created: boolean }> {
  const [created] = await db
    .insert(verificationRuns)
    .values({ scopeKind: scope.kind, scopeValue: scope.value, trigger, period, status: 'QUEUED', requestedBy, requestedAt: now })
    .onConflictDoNothing()
    .returning();
  if (created) return { run: created, created: true };
  const [active] = await db
    .select()
    .from(verificationRuns)
    .where(
      and(eq(verificationRuns.scopeKind, scope.kind), eq(verificationRuns.scopeValue, scope.value), inArray(verificationRuns.status, ['QUEUED', 'RUNNING'])),
    );
  return { run: active ?? null, created: false };
}

/**
 * The attempts of a scheduled run of `scope` for one schedule and period: whether one holds the period
 * (queued, running or succeeded), how many failed, and when the last failure ended.
 */
export async function scheduledAttempts(
  db: CatalogDb,
  scope: RunScope,
  trigger: RunRow['trigger'],
  period: string,
): Promise<{ held: boolean; count: number; lastFinishedAt: Date | null }> {
  const failed = sql`${verificationRuns.status} = 'FAILED'`;
  const [row] = await db
    .select({
      held: sql<number>`count(*) filter (where not ${failed})::int`,
      count: sql<number>`count(*) filter (where ${failed})::int`,
      lastFinishedAt: sql<Date | string | null>`max(${verificationRuns.finishedAt}) filter (where ${failed})`,
    })
    .from(verificationRuns)
    .where(
      and(
        eq(verificationRuns.scopeKind, scope.kind),
        eq(verificationRuns.scopeValue, scope.value),
        eq(verificationRuns.trigger, trigger),
        eq(verificationRuns.period, period),
      ),
    );
  const last = row?.lastFinishedAt ?? null;
  return { held: Number(row?.held ?? 0) > 0, count: Number(row?.count ?? 0), lastFinishedAt: last === null ? null : new Date(last) };
}

/**
 * Takes the oldest queued run, or a running one whose lease ran out (its worker stopped), for this
 * worker: row-locked and skipped by other workers meanwhile, so each run has one worker at a time.
 */
export async function claimRun(db: CatalogDb, worker: string, now: Date, leaseMs: number): Promise<RunRow | null> {
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: verificationRuns.id })
      .from(verificationRuns)
      .where(or(eq(verificationRuns.status, 'QUEUED'), and(eq(verificationRuns.status, 'RUNNING'), lt(verificationRuns.leaseUntil, now))))
      .orderBy(asc(verificationRuns.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return null;
    const [run] = await tx
      .update(verificationRuns)
      .set({ status: 'RUNNING', startedAt: now, worker, leaseUntil: new Date(now.getTime() + leaseMs), phases: [] })
      .where(eq(verificationRuns.id, next.id))
      .returning();
    return run ?? null;
  });
}

/** Records progress and renews the lease; false when the run is no longer this worker's (taken over). */
export async function reportProgress(db: CatalogDb, id: number, worker: string, phases: RunPhase[], now: Date, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(verificationRuns)
    .set({ phases, leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(and(eq(verificationRuns.id, id), eq(verificationRuns.worker, worker), eq(verificationRuns.status, 'RUNNING')))
    .returning({ id: verificationRuns.id });
  return rows.length > 0;
}

export async function failRun(db: CatalogDb, id: number, worker: string, error: string, now: Date): Promise<void> {
  await db
    .update(verificationRuns)
    .set({ status: 'FAILED', error: error.slice(0, 2000), finishedAt: now, leaseUntil: null })
    .where(and(eq(verificationRuns.id, id), eq(verificationRuns.worker, worker)));
}

export async function runById(db: CatalogDb, id: number): Promise<RunRow | undefined> {
  const [run] = await db.select().from(verificationRuns).where(eq(verificationRuns.id, id));
  return run;
}

export async function listRuns(db: CatalogDb, status: RunRow['status'] | null, limit: number, offset: number): Promise<RunRow[]> {
  return db
    .select()
    .from(verificationRuns)
    .where(status ? eq(verificationRuns.status, status) : sql`true`)
    .orderBy(desc(verificationRuns.id))
    .limit(limit)
    .offset(offset);
}
