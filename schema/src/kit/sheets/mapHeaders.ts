import { cellText } from './cellValue.ts';
import { normalizeHeader } from './normalizeHeader.ts';
import type { CellValue, SheetColumn } from './types.ts';

export interface HeaderMap {
  /** Column key → index of its cell in a row. */
  indexOf: Map<string, number>;
  /** Required columns whose header is not in the row. */
  missing: string[];
  /** Headers of the row that name no column (序号 and blanks left out). */
  unknown: string[];
  /** Columns found. */
  found: number;
}

/** Columns that units add for themselves and an import ignores without a word. */
const IGNORED = new Set(['序号', '编号', '备注']);

/** Lines a header row up with the kind's columns, by each column's header or one of its aliases. */
export function mapHeaders(cells: readonly CellValue[], columns: Readonly<Record<string, SheetColumn>>): HeaderMap {
  const byHeader = new Map<string, string>();
  for (const [key, column] of Object.entries(columns)) {
    for (const header of [column.header, ...(column.aliases ?? [])]) byHeader.set(normalizeHeader(header), key);
  }
  const indexOf = new Map<string, number>();
  const unknown: string[] = [];
  cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (text === null) return;
    const key = byHeader.get(normalizeHeader(text));
    if (key && !indexOf.has(key)) indexOf.set(key, index);
    else if (!key && !IGNORED.has(normalizeHeader(text))) unknown.push(text);
  });
  const missing = Object.entries(columns)
    .filter(([key, column]) => column.required && !indexOf.has(key))
    .map(([, column]) => column.header);
  return { indexOf, missing, unknown, found: indexOf.size };
}
