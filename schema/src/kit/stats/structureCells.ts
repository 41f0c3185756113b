import { AGE_BANDS } from './ageBands.ts';
import { sharePercent } from './sharePercent.ts';

/** One aggregate row: the value of each dimension (null when not recorded) and its head count. */
export interface StructureRow {
  value: string | null;
  byValue?: string | null;
  count: number;
}

export interface StructureCellFigures {
  value: string;
  label: string;
  byValue: string | null;
  byLabel: string | null;
  count: number;
  share: number;
}

/** Dimensions both HR and the Staffing Office break down, with their labels. */
const COMMON_LABELS: Record<string, Record<string, string>> = {
  GENDER: { MALE: '男', FEMALE: '女' },
  AGE_BAND: Object.fromEntries(AGE_BANDS.map((b) => [b.value, b.label])),
};

/** 未登记: a value the records leave empty. */
export const UNKNOWN_VALUE = 'UNKNOWN';

/**
 * The cells of a breakdown from its SQL aggregate rows: each value with its Chinese label (from
 * `labels`, then the common ones; free-text dimensions such as ethnicity are their own label), its count
 * and its share of `baseCount` rounded half up. Ordered as `order` lists the values (age bands young to
 * old, enumerations as declared; free text such as ethnicity by its total, largest first), then the
 * second dimension the same way; a value not recorded is UNKNOWN (未登记), last.
 */
export function structureCells(
  rows: readonly StructureRow[],
  baseCount: number,
  dimensions: { dimension: string; by?: string | null },
  labels: Record<string, Record<string, string>>,
): StructureCellFigures[] {
  const labelOf = (dimension: string | null | undefined, value: string | null | undefined) => {
    if (value === null || value === undefined) return dimension ? '未登记' : null;
    return labels[dimension ?? '']?.[value] ?? COMMON_LABELS[dimension ?? '']?.[value] ?? value;
  };
  const rank = (dimension: string | null | undefined, value: string) => {
    const known = Object.keys(labels[dimension ?? ''] ?? COMMON_LABELS[dimension ?? ''] ?? {});
    const at = known.indexOf(value);
    if (value === UNKNOWN_VALUE) return Number.MAX_SAFE_INTEGER;
    return at === -1 ? known.length : at;
  };
  const cells = rows.map((row) => ({
    value: row.value ?? UNKNOWN_VALUE,
    label: labelOf(dimensions.dimension, row.value) as string,
    byValue: dimensions.by ? (row.byValue ?? UNKNOWN_VALUE) : null,
    byLabel: dimensions.by ? labelOf(dimensions.by, row.byValue) : null,
    count: Number(row.count),
    share: sharePercent(Number(row.count), baseCount),
  }));
  const totals = new Map<string, number>();
  for (const c of cells) totals.set(c.value, (totals.get(c.value) ?? 0) + c.count);
  return cells.sort(
    (a, b) =>
      rank(dimensions.dimension, a.value) - rank(dimensions.dimension, b.value) ||
      totals.get(b.value)! - totals.get(a.value)! ||
      a.value.localeCompare(b.value) ||
      (a.byValue && b.byValue ? rank(dimensions.by, a.byValue) - rank(dimensions.by, b.byValue) : 0) ||
      b.count - a.count ||
      (a.byValue ?? '').localeCompare(b.byValue ?? ''),
  );
}
