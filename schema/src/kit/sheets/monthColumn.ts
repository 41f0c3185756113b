import { readDateCell } from './readDateCell.ts';
import type { SheetColumn } from './types.ts';

/** A month, kept as YYYY-MM (发放月份, 出生年月); a full date gives its month. Not after this month. */
export function monthColumn(header: string, example = '2026-10'): SheetColumn<string> {
  return {
    header,
    required: true,
    parse(value, { today }) {
      const read = readDateCell(value);
      if (!read.ok) return read;
      const text = `${read.value.year}-${String(read.value.month).padStart(2, '0')}`;
      if (text > today.slice(0, 7)) return { ok: false, zh: '月份晚于本月', en: 'the month is after this month' };
      return { ok: true, value: text };
    },
    format: (value) => value,
    example,
    note: '年月，如 2026-10、2026.10、2026年10月',
  };
}
