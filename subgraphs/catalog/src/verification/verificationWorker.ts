import { randomUUID } from 'node:crypto';
import type { CatalogDb } from '../db/queries.ts';
import { claimRun, enqueueRun, scheduledAttempts, failRun, reportProgress } from '../db/runQueries.ts';
import type { RunPhase } from '../db/schema.ts';
import { type FoundDraft, storeRunResult } from '../db/storeRunResult.ts';
import { type ScheduledRetry, SCHEDULED_RETRY, scheduledAttemptDue } from '../domain/verification/scheduledRetry.ts';
import { type Schedule, schedulePeriods } from '../domain/verification/schedulePeriods.ts';
import { scopeCovers } from '../domain/verification/scopeCovers.ts';
import { collectFindings } from './collectFindings.ts';
import type { HubReader } from './hubReader.ts';

export interface VerificationWorkerOptions {
  db: CatalogDb;
  reader: HubReader;
  now?: () => Date;
  /** How long a running run is this worker's without a sign of life (progress renews it). */
  leaseMs?: number;
  /** How often the worker looks for queued runs and due schedules; 0: only when drained. */
  pollMs?: number;
  /** The schedules in force (VERIFICATION_SCHEDULE): a run of everything per period of each. */
  schedules?: readonly Schedule[];
  /** How a scheduled run that failed is tried again within its period (every 15 min, 5 attempts). */
  scheduledRetry?: ScheduledRetry;
  pageSize?: number;
  onError?: (error: unknown) => void;
}

export interface VerificationWorker {
  /** Queues the due scheduled runs, then runs every queued run; resolves when none is left. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The coordination group's verification worker: takes queued runs (any number of workers, on any
 * number of instances, share the queue through the database), reads the offices through the hub,
 * stores findings and their comparison with the previous run, and queues scheduled runs when due.
 */
export function createVerificationWorker(options: VerificationWorkerOptions): VerificationWorker {
  const { db, reader, leaseMs = 60_000, pollMs = 0, schedules = [] } = options;
  const now = options.now ?? (() => new Date());
  const worker = randomUUID();
  let running: Promise<void> | null = null;
  let stopped = false;

  const runOne = async (): Promise<boolean> => {
    const run = await claimRun(db, worker, now(), leaseMs);
    if (!run) return false;
    const phases = new Map<string, RunPhase>();
    let lastReport = 0;
    let pending: Promise<unknown> = Promise.resolve();
    const progress = (name: string, processed: number, total: number | null, done: boolean) => {
      phases.set(name, { name, processed, total, done });
      if (Date.now() - lastReport < 250 && !done) return;
      lastReport = Date.now();
      const snapshot = [...phases.values()];
      pending = pending.then(() => reportProgress(db, run.id, worker, snapshot, now(), leaseMs)).catch(() => {});
    };
    try {
      const { drafts, institutions } = await collectFindings(reader, now(), progress, options.pageSize);
      await pending;
      const scope = { kind: run.scopeKind, value: run.scopeValue };
      const found: FoundDraft[] = [];
      for (const d of drafts) {
        const institution = d.creditCode ? (institutions.get(d.creditCode) ?? null) : null;
        if (!scopeCovers(scope, institution ?? (d.creditCode ? { creditCode: d.creditCode, level: '', system: '' } : null))) continue;
        found.push({ ...d, level: institution?.level ?? null, system: institution?.system ?? null });
      }
      progress('store', found.length, found.length, true);
      await pending;
      await storeRunResult(db, run, found, now());
    } catch (error) {
      await pending;
      options.onError?.(error);
      await failRun(db, run.id, worker, error instanceof Error ? error.message : String(error), now());
    }
    return true;
  };

  const round = async () => {
    const everything = { kind: 'ALL', value: '' } as const;
    for (const { trigger, period } of schedulePeriods(schedules, now())) {
      // Looked at first, so that a poll every 2 s does not spend a run id on an insert the period's index refuses.
      const attempts = await scheduledAttempts(db, everything, trigger, period);
      if (!attempts.held && scheduledAttemptDue(attempts, now(), options.scheduledRetry ?? SCHEDULED_RETRY))
        await enqueueRun(db, everything, trigger, period, 'schedule', now());
    }
    while (!stopped && (await runOne())) {}
  };
  const drain = () => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = pollMs > 0 ? setInterval(() => drain().catch((e) => options.onError?.(e)), pollMs) : null;
  timer?.unref();
  return {
    drain,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
