import { type AuditRecord, IMPORT_KINDS, IMPORT_ROUTES, type ImportOffice, logError, type SheetIssue } from '@hub/schema';
import type { LogEntryInput, LogOutcome, OperationLog } from '../audit/operationLog.ts';
import { postToSubgraph } from '../messaging/postToSubgraph.ts';

/** How often the offices are asked for finished imports not yet logged. */
export const DEFAULT_IMPORT_LOG_POLL_MS = 1000;

export interface ImportLogRelayOptions {
  secret: string;
  urls: Record<ImportOffice, string>;
  log: OperationLog;
  pollMs: number;
}

/** A finished job as an office hands it over for the log. */
interface FinishedJob {
  id: string;
  office: string;
  kind: string;
  state: 'SUCCEEDED' | 'REFUSED' | 'FAILED';
  actor: LogEntryInput['actor'];
  fileName: string | null;
  fileBytes: number;
  fileSha256: string;
  rowsTotal: number | null;
  errors: number;
  warnings: number;
  finishedAt: string | null;
  issues: SheetIssue[];
  audit: AuditRecord[];
}

export interface ImportLogRelay {
  /** Looks for finished jobs soon (after a status poll saw one finish). */
  wake(): void;
  /** Logs every finished job now; tests wait with it. */
  drain(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

const OUTCOME: Record<FinishedJob['state'], LogOutcome> = { SUCCEEDED: 'ALLOWED', REFUSED: 'REFUSED', FAILED: 'FAILED' };

/**
 * Writes each finished import to the operation log once, whichever gateway started it and whether or
 * not anyone polls it: every gateway claims finished, unlogged jobs from each office (a lease, so two
 * gateways do not log one job twice), appends one WRITE entry per job (who, when, the file's digest,
 * counts, what changed summarised per unit) and tells the office it is logged. A gateway that dies
 * between the two leaves the job to be claimed again when its lease ends.
 */
export function createImportLogRelay(options: ImportLogRelayOptions): ImportLogRelay {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let current: Promise<number> | null = null;
  const call = async (office: ImportOffice, path: string, body: unknown) => {
    const answer = await postToSubgraph(options.secret, office, options.urls[office], path, JSON.stringify(body), { viewer: null, timeoutMs: 10_000 });
    if (answer.status !== 200) throw new Error(`${office} ${path} answered ${answer.status}`);
    return JSON.parse(answer.body.toString('utf8')) as unknown;
  };
  const round = async () => {
    let logged = 0;
    for (const office of Object.keys(IMPORT_KINDS) as ImportOffice[]) {
      try {
        const { jobs } = (await call(office, IMPORT_ROUTES.claimUnlogged, { limit: 20 })) as { jobs: FinishedJob[] };
        if (jobs.length === 0) continue;
        await options.log.appendMany(jobs.map(entryOf));
        await call(office, IMPORT_ROUTES.markLogged, { ids: jobs.map((j) => j.id) });
        logged += jobs.length;
      } catch (error) {
        logError({ source: `import log: ${office}` }, error);
      }
    }
    return logged;
  };
  const run = () => {
    current ??= round().finally(() => {
      current = null;
    });
    return current;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(async () => {
      await run();
      schedule();
    }, options.pollMs);
    timer.unref();
  };
  return {
    wake: () => void (stopped ? null : run()),
    async drain() {
      if (current) await current;
      return run();
    },
    start() {
      if (!timer && !stopped) schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}

function entryOf(job: FinishedJob): LogEntryInput {
  return {
    kind: 'WRITE',
    outcome: OUTCOME[job.state] ?? 'FAILED',
    actor: job.actor,
    operationName: `import:${job.office}/${job.kind}`,
    coordinates: [],
    detail: {
      jobId: job.id,
      office: job.office,
      kind: job.kind,
      state: job.state,
      ...(job.state === 'REFUSED' ? { code: 'IMPORT_REFUSED' } : {}),
      fileName: job.fileName,
      fileBytes: job.fileBytes,
      fileSha256: job.fileSha256,
      rows: job.rowsTotal,
      errors: job.errors,
      warnings: job.warnings,
      finishedAt: job.finishedAt,
      firstIssues: job.issues.slice(0, 5).map(({ severity, row, column, message }) => ({ severity, row, column, message })),
      changes: job.audit,
    },
  };
}
