import type { SQL } from 'drizzle-orm';
import type { AuditRecord } from '../audit.ts';
import type { Db } from '../db.ts';
import { logError } from '../logError.ts';
import type { Viewer } from '../roles.ts';
import type { ImportJobStore, ImportOutcome, ImportProgress } from './importJobStore.ts';
import { type ParsedRow, parseSheet } from './parseSheet.ts';
import { SheetFileError } from './sheetFileError.ts';
import type { SheetImporter } from './sheetImporter.ts';
import type { SheetIssue } from './types.ts';

/** Rows written per statement batch. */
export const IMPORT_BATCH = 1000;
/** Problems kept for the report; the counts go on beyond it. */
export const MAX_KEPT_ISSUES = 5000;
/** How often progress is written to the job's row. */
const PROGRESS_EVERY_MS = 500;

export interface RunImportOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any office's drizzle database
  db: Db<any>;
  store: ImportJobStore;
  jobId: string;
  importer: SheetImporter;
  file: Buffer;
  viewer: Viewer;
  today: string;
  maxRows: number;
  /** Taken first in the import's transaction (the office's import lock), so two imports never interleave. */
  lock?: SQL;
  /** Whether progress may be written to the table while the import's transaction is open (not on PGlite's one connection). */
  persistProgress: boolean;
}

/** Thrown inside the transaction to roll it back when the file has errors. */
class Refused extends Error {}

/**
 * Runs one import: reads the file once, row by row, inside one transaction; each batch of valid rows
 * is checked against the office's records and, while no error has been found, written. Any error
 * (a malformed cell, a duplicate, a unit operator's row of another unit, a row the office's records
 * refuse) rolls everything back, but reading goes on so the report lists every error. Warnings
 * (facts true but wrong) do not stop it. The job ends SUCCEEDED, REFUSED or FAILED, never half applied.
 */
export async function runImport(options: RunImportOptions): Promise<ImportOutcome> {
  const { importer, viewer, file } = options;
  const issues: SheetIssue[] = [];
  const progress: ImportProgress = { percent: 0, rowsDone: 0, rowsTotal: null, errors: 0, warnings: 0 };
  const issue = (found: SheetIssue) => {
    if (found.severity === 'ERROR') progress.errors++;
    else progress.warnings++;
    if (issues.length < MAX_KEPT_ISSUES) issues.push(found);
  };
  let lastWrite = 0;
  let written: Promise<void> = Promise.resolve();
  const report = (bytes: number) => {
    progress.percent = Math.min(99, Math.floor((bytes / Math.max(1, file.length)) * 100));
    const at = Date.now();
    if (at - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = at;
    written = written
      .then(() => options.store.progress(options.jobId, { ...progress }, options.persistProgress))
      .catch((error) => logError({ source: `import ${options.jobId}: progress` }, error));
  };
  const outcome = await apply();
  // The job's last progress write lands before its outcome is written.
  await written;
  return outcome;

  async function apply(): Promise<ImportOutcome> {
    const unitKey = importer.unitColumn;
    const unitHeader = unitKey ? importer.sheet.columns[unitKey]!.header : null;
    let audit: AuditRecord[] = [];
    try {
      await options.db.transaction(async (tx) => {
        if (options.lock) await tx.execute(options.lock);
        const applier = importer.begin(tx, { today: options.today, viewer, issue });
        // One batch is written while the next is read: the database works (in its own process) while
        // this thread parses, and the transaction's statements still run one after another.
        let batch: ParsedRow<Record<string, unknown>>[] = [];
        let writing: Promise<void> = Promise.resolve();
        const flush = async (rows: ParsedRow<Record<string, unknown>>[]) => {
          if (rows.length === 0) return;
          await applier.check?.(rows);
          if (progress.errors === 0) await applier.apply(rows);
        };
        try {
          await readAll();
        } finally {
          // Nothing may still run on the transaction once it ends (a file error thrown mid-way).
          await writing.catch(() => {});
        }
        await writing;
        await flush(batch);
        if (progress.errors === 0) audit = await applier.finish();
        if (progress.errors > 0) throw new Refused();

        async function readAll() {
          for await (const parsed of parseSheet(file, importer.sheet, {
            today: options.today,
            maxRows: options.maxRows,
            onIssue: issue,
            onBytes: report,
            onDataRow: () => progress.rowsDone++,
          })) {
            if (viewer.role === 'UNIT_OPERATOR' && unitKey && parsed.row[unitKey] !== viewer.unit) {
              issue({
                severity: 'ERROR',
                row: parsed.rowNumber,
                column: unitHeader,
                value: String(parsed.row[unitKey]),
                message: '用人单位填报员只能导入本单位的数据',
                messageEn: 'a unit operator may only import its own unit’s rows',
              });
              continue;
            }
            batch.push(parsed);
            if (batch.length >= IMPORT_BATCH) {
              const rows = batch;
              batch = [];
              await writing;
              writing = flush(rows);
              // A failed write is awaited (and thrown) at the next batch or at the end, not left unhandled.
              writing.catch(() => {});
            }
          }
        }
      });
    } catch (error) {
      if (error instanceof SheetFileError) issue({ severity: 'ERROR', row: null, column: null, value: null, message: error.zh, messageEn: error.en });
      else if (!(error instanceof Refused)) {
        logError({ source: `import ${options.jobId} (${importer.sheet.office} ${importer.sheet.kind}) failed` }, error);
        return { ...progress, state: 'FAILED', percent: 100, rowsTotal: progress.rowsDone, issues, audit: [] };
      }
      return { ...progress, state: 'REFUSED', percent: 100, rowsTotal: progress.rowsDone, issues, audit: [] };
    }
    return { ...progress, state: 'SUCCEEDED', percent: 100, rowsTotal: progress.rowsDone, issues, audit };
  }
}
