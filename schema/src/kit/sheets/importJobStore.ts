import { and, eq, inArray, isNotNull, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { AuditRecord } from '../audit.ts';
import type { Db } from '../db.ts';
import type { Viewer } from '../roles.ts';
import type { ImportJobRow, ImportJobsTable } from './importJobTable.ts';
import type { SheetIssue } from './types.ts';

export type ImportJobState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'REFUSED' | 'FAILED';

/** A job's progress while it runs. */
export interface ImportProgress {
  percent: number;
  rowsDone: number;
  rowsTotal: number | null;
  errors: number;
  warnings: number;
}

export interface ImportOutcome extends ImportProgress {
  state: Extract<ImportJobState, 'SUCCEEDED' | 'REFUSED' | 'FAILED'>;
  issues: SheetIssue[];
  audit: AuditRecord[];
}

/** A running job whose process has not touched it for this long died with its process (nothing was committed). */
export const STALE_JOB_MS = 5 * 60_000;
/** How long a gateway has to log a claimed job before another may claim it. */
export const LOG_LEASE_MS = 30_000;

/**
 * The office's import jobs: created when a file arrives, their progress (in this process's memory
 * while they run, and in the table where the database allows a write beside the import's transaction),
 * their outcome, and the claim by which a gateway writes a finished job to the operation log once.
 */
// biome-ignore lint/suspicious/noExplicitAny: any office's drizzle database
export function importJobStore(db: Db<any>, table: ImportJobsTable, now: () => Date) {
  const running = new Map<string, ImportProgress>();
  return {
    async create(job: { id: string; kind: string; actor: Viewer; fileName: string | null; fileBytes: number; fileSha256: string }) {
      const at = now();
      await db.insert(table).values({ ...job, state: 'QUEUED', createdAt: at, updatedAt: at });
      running.set(job.id, { percent: 0, rowsDone: 0, rowsTotal: null, errors: 0, warnings: 0 });
    },
    /** Progress in memory (read by `get` at once), and in the table when `persist`. */
    async progress(id: string, progress: ImportProgress, persist: boolean) {
      running.set(id, progress);
      if (persist)
        await db
          .update(table)
          .set({ state: 'RUNNING', ...progress, updatedAt: now() })
          .where(eq(table.id, id));
    },
    async finish(id: string, outcome: ImportOutcome) {
      const at = now();
      await db
        .update(table)
        .set({ ...outcome, updatedAt: at, finishedAt: at })
        .where(eq(table.id, id));
      running.delete(id);
    },
    /** The job as stored, with this process's live progress over it while it runs; a job left running by a dead process reads as FAILED. */
    async get(id: string): Promise<ImportJobRow | null> {
      const [row] = await db.select().from(table).where(eq(table.id, id));
      if (!row) return null;
      const live = running.get(id);
      if (live && !row.finishedAt) return { ...row, ...live, state: 'RUNNING' };
      if (!row.finishedAt && now().getTime() - row.updatedAt.getTime() > STALE_JOB_MS) return { ...row, state: 'FAILED' };
      return row;
    },
    /** Finished jobs not yet in the operation log, each leased to the caller for LOG_LEASE_MS. */
    async claimUnlogged(limit: number): Promise<ImportJobRow[]> {
      const at = now();
      return db.transaction(async (tx) => {
        const due = await tx
          .select({ id: table.id })
          .from(table)
          .where(and(isNotNull(table.finishedAt), isNull(table.loggedAt), or(isNull(table.logLeaseUntil), lt(table.logLeaseUntil, at))))
          .orderBy(table.finishedAt)
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length === 0) return [];
        return tx
          .update(table)
          .set({ logLeaseUntil: new Date(at.getTime() + LOG_LEASE_MS) })
          .where(
            inArray(
              table.id,
              due.map((d) => d.id),
            ),
          )
          .returning();
      });
    },
    async markLogged(ids: readonly string[]) {
      if (ids.length)
        await db
          .update(table)
          .set({ loggedAt: now(), logLeaseUntil: null })
          .where(inArray(table.id, [...ids]));
    },
    /** Jobs a process left running when it died: marked FAILED (their transaction was never committed) so that they are logged. */
    async failStale() {
      const cutoff = new Date(now().getTime() - STALE_JOB_MS);
      await db
        .update(table)
        .set({ state: 'FAILED', finishedAt: now(), issues: sql`'[]'::jsonb` })
        .where(and(isNull(table.finishedAt), lt(table.updatedAt, cutoff), running.size ? notInArray(table.id, [...running.keys()]) : undefined));
    },
  };
}

export type ImportJobStore = ReturnType<typeof importJobStore>;
