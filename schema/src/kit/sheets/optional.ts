import type { SheetColumn } from './types.ts';

/** The column with a blank cell allowed: it reads as null, and null is written as a blank cell. */
export function optional<T>(column: SheetColumn<T>): SheetColumn<T | null> {
  return {
    ...column,
    required: false,
    parse: column.parse,
    format: (value) => (value === null ? null : column.format(value)),
    note: `${column.note}（可空）`,
  };
}
