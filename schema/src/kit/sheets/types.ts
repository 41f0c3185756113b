/**
 * The shapes the sheet kit works with: a cell as read, a column of an import kind (its Chinese header
 * as units write it, how its text is read and written back), a kind, and a problem found in a file.
 */

/** A cell once rich text, formulas and hyperlinks are flattened (cellValue.ts). */
export type CellValue = string | number | boolean | Date | null;

/** What reading one cell gave: the value, or the problem in Chinese (and English, for logs and APIs). */
export type CellResult<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

export interface CellContext {
  /** Today in Beijing (YYYY-MM-DD): dates after it are refused. */
  today: string;
}

export interface SheetColumn<T = unknown> {
  /** The header units write, e.g. 公民身份号码. */
  header: string;
  /** Other headers meaning the same column (身份证号 for 公民身份号码). */
  aliases?: readonly string[];
  /** A blank cell is an error; otherwise it reads as null. */
  required: boolean;
  /** Reads a non-blank cell. */
  parse(value: CellValue, context: CellContext): CellResult<T>;
  /** Writes a value back as the cell text an import reads unchanged (export, template). */
  format(value: T): string | number | null;
  /** The template's example value. */
  example: string;
  /** What the column takes, for the template's notes sheet and the README (中文). */
  note: string;
}

/** The row type a column set describes. */
export type RowOf<C extends Record<string, SheetColumn>> = { [K in keyof C]: C[K] extends SheetColumn<infer T> ? T : never };

/** One kind of spreadsheet an office imports (README, "Loading records from spreadsheets"). */
export interface SheetKind<C extends Record<string, SheetColumn> = Record<string, SheetColumn>> {
  office: string;
  /** The kind's name in URLs: `ledger`, `roster` … */
  kind: string;
  /** Its Chinese title (the template's sheet name and file name). */
  title: string;
  columns: C;
  /** Columns whose values together must be unique within the file (the row's key). */
  uniqueBy: readonly (keyof C & string)[];
  /** Checks across the row's cells once each cell has been read (a gender that disagrees with the ID number …). */
  checkRow?(row: RowOf<C>, context: CellContext): SheetIssueDraft[];
}

export type IssueSeverity = 'ERROR' | 'WARNING';

/** A problem in a file: errors refuse it, warnings are reported beside what was loaded. */
export interface SheetIssue {
  severity: IssueSeverity;
  /** The spreadsheet row (1 = the first row); null for the file as a whole. */
  row: number | null;
  /** The column's header; null for the row or file as a whole. */
  column: string | null;
  /** The cell's text as read. */
  value: string | null;
  /** 中文说明. */
  message: string;
  /** The same in English. */
  messageEn: string;
}

/** An issue of a row before the runner adds the row number; `column` is a column key. */
export interface SheetIssueDraft {
  severity: IssueSeverity;
  column: string | null;
  zh: string;
  en: string;
}
