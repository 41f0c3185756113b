import type { AuditRecord } from '../audit.ts';
import type { Viewer } from '../roles.ts';
import type { ParsedRow } from './parseSheet.ts';
import type { RowOf, SheetColumn, SheetIssue, SheetKind } from './types.ts';

/** What an importer is told while it applies a file. */
export interface ApplyContext {
  today: string;
  viewer: Viewer;
  /** Reports a problem: an ERROR refuses the file (nothing is committed), a WARNING is reported beside what loads. */
  issue(issue: SheetIssue): void;
}

/** One import of a transaction: its batches in file order, then its closing checks. */
export interface ImportApplier<R> {
  /**
   * Checks a batch against the office's records (an institution that does not exist, a card number
   * held by someone else); called for every batch, errors or not, so the report lists them all.
   */
  check?(rows: readonly ParsedRow<R>[]): Promise<void>;
  /** Writes a batch; called only while the file has no error. */
  apply(rows: readonly ParsedRow<R>[]): Promise<void>;
  /** After the last batch: checks on the whole (a unit over its quota: warnings) and what changed, summarised per unit for the log. */
  finish(): Promise<AuditRecord[]>;
}

/** One kind an office imports (its subgraph's src/import/): the sheet, who may import it, how it applies. */
// biome-ignore lint/suspicious/noExplicitAny: each office's own drizzle transaction
export interface SheetImporter<C extends Record<string, SheetColumn> = any, TDb = any> {
  sheet: SheetKind<C>;
  /**
   * The column naming the unit a row belongs to: a unit's own UNIT_OPERATOR may import its rows (every
   * row must be of its unit). Absent: only the office's writers may import this kind.
   */
  unitColumn?: keyof C & string;
  /** Starts applying inside the import's transaction. */
  begin(tx: TDb, context: ApplyContext): ImportApplier<RowOf<C>>;
}
