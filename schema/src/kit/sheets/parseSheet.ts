import { cellText } from './cellValue.ts';
import { type HeaderMap, mapHeaders } from './mapHeaders.ts';
import { readSheetRows, type SheetRow } from './readSheetRows.ts';
import { SheetFileError } from './sheetFileError.ts';
import type { CellContext, RowOf, SheetColumn, SheetIssue, SheetKind } from './types.ts';

export interface ParseSheetOptions extends CellContext {
  /** The most data rows a file may have. */
  maxRows: number;
  /** Every problem found, in row order. */
  onIssue(issue: SheetIssue): void;
  onBytes?: (bytes: number) => void;
  /** Told of every data row read, valid or not (progress counts them all). */
  onDataRow?: () => void;
}

export interface ParsedRow<R> {
  /** The spreadsheet row it came from. */
  rowNumber: number;
  row: R;
}

/** Rows above the header row that may hold a title (单位实名制台账 …). */
const HEADER_SEARCH_ROWS = 10;

/**
 * Reads an import file row by row (streaming) and yields each row whose cells are all valid, as the
 * kind's typed row. Every problem goes to `onIssue`: a required cell left blank, a cell that does not
 * read (ID number, credit code, date, a Chinese enumeration), a row that contradicts itself
 * (`checkRow`), a row whose key (`uniqueBy`) an earlier row of the file has. The header row is the
 * first of the first ten rows that names every required column; headers are compared loosely
 * (normalizeHeader), unknown columns are reported once as a warning and ignored. Whole-file problems
 * (not an xlsx, no header row, no rows, more than `maxRows`) throw a SheetFileError.
 */
export async function* parseSheet<C extends Record<string, SheetColumn>>(
  file: Buffer,
  kind: SheetKind<C>,
  options: ParseSheetOptions,
): AsyncGenerator<ParsedRow<RowOf<C>>> {
  const columns = Object.entries(kind.columns) as [string, SheetColumn][];
  let headers: HeaderMap | null = null;
  let best: HeaderMap | null = null;
  let seen = 0;
  let dataRows = 0;
  const firstRowOfKey = new Map<string, number>();
  const context: CellContext = { today: options.today };
  for await (const sheetRow of readSheetRows(file, options.onBytes ? { onBytes: options.onBytes } : {})) {
    if (!headers) {
      const candidate = mapHeaders(sheetRow.cells, kind.columns);
      if (candidate.missing.length === 0) {
        headers = candidate;
        if (candidate.unknown.length)
          options.onIssue({
            severity: 'WARNING',
            row: sheetRow.number,
            column: null,
            value: candidate.unknown.join('、'),
            message: `未识别的列，已忽略：${candidate.unknown.join('、')}`,
            messageEn: `columns not recognised, ignored: ${candidate.unknown.join(', ')}`,
          });
        continue;
      }
      if (!best || candidate.found > best.found) best = candidate;
      if (++seen >= HEADER_SEARCH_ROWS) break;
      continue;
    }
    if (sheetRow.cells.every((cell) => cell === null)) continue;
    options.onDataRow?.();
    if (++dataRows > options.maxRows)
      throw new SheetFileError(
        'TOO_MANY_ROWS',
        `数据超过${options.maxRows}行的上限，请分成几个文件导入`,
        `more than ${options.maxRows} data rows: split the file`,
      );
    const { row, ok } = readRow(sheetRow, headers, columns, context, options.onIssue);
    // A duplicate key is reported even on a row with other errors, once the key's own cells read.
    const keyParts = kind.uniqueBy.map((k) => row[k]);
    const key = keyParts.every((part) => part !== null && part !== undefined) ? keyParts.map(String).join('|') : null;
    const first = key === null ? undefined : firstRowOfKey.get(key);
    if (key !== null && first !== undefined) {
      const unique = kind.columns[kind.uniqueBy[0]!]!;
      options.onIssue({
        severity: 'ERROR',
        row: sheetRow.number,
        column: unique.header,
        value: key,
        message: `与第${first}行重复`,
        messageEn: `the same as row ${first}`,
      });
      continue;
    }
    if (key !== null) firstRowOfKey.set(key, sheetRow.number);
    if (!ok) continue;
    const drafts = kind.checkRow?.(row as RowOf<C>, context) ?? [];
    for (const draft of drafts) {
      const column = draft.column ? kind.columns[draft.column] : undefined;
      const index = draft.column ? headers.indexOf.get(draft.column) : undefined;
      options.onIssue({
        severity: draft.severity,
        row: sheetRow.number,
        column: column?.header ?? null,
        value: index === undefined ? null : cellText(sheetRow.cells[index] ?? null),
        message: draft.zh,
        messageEn: draft.en,
      });
    }
    if (drafts.some((d) => d.severity === 'ERROR')) continue;
    yield { rowNumber: sheetRow.number, row: row as RowOf<C> };
  }
  if (!headers) {
    const missing = (best ?? mapHeaders([], kind.columns)).missing;
    throw new SheetFileError('MISSING_HEADERS', `未找到表头，缺少列：${missing.join('、')}`, `no header row found; missing columns: ${missing.join(', ')}`);
  }
  if (dataRows === 0) throw new SheetFileError('NO_ROWS', '表头下没有数据行', 'no data rows below the header');
}

/** The row's values by column key (null where a cell is blank or wrong), and whether every cell read (each problem reported). */
function readRow(
  sheetRow: SheetRow,
  headers: HeaderMap,
  columns: readonly [string, SheetColumn][],
  context: CellContext,
  onIssue: (issue: SheetIssue) => void,
): { row: Record<string, unknown>; ok: boolean } {
  const row: Record<string, unknown> = {};
  let ok = true;
  for (const [key, column] of columns) {
    const index = headers.indexOf.get(key);
    const cell = index === undefined ? null : (sheetRow.cells[index] ?? null);
    if (cell === null) {
      if (column.required) {
        ok = false;
        onIssue({ severity: 'ERROR', row: sheetRow.number, column: column.header, value: null, message: '必填项为空', messageEn: 'required, but blank' });
      }
      row[key] = null;
      continue;
    }
    const read = column.parse(cell, context);
    row[key] = read.ok ? read.value : null;
    if (!read.ok) {
      ok = false;
      onIssue({ severity: 'ERROR', row: sheetRow.number, column: column.header, value: cellText(cell), message: read.zh, messageEn: read.en });
    }
  }
  return { row, ok };
}
