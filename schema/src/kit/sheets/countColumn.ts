import type { SheetColumn } from './types.ts';

/** A whole number ≥ 0 (a headcount, an approved quota), written as a number or as text. */
export function countColumn(header: string, example = '8', aliases: readonly string[] = []): SheetColumn<number> {
  return {
    header,
    aliases,
    required: true,
    parse(value) {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isInteger(n) || n < 0 || n > 999_999_999) return { ok: false, zh: '应为不小于0的整数', en: 'expected a whole number, 0 or more' };
      return { ok: true, value: n };
    },
    format: (value) => value,
    example,
    note: '不小于0的整数',
  };
}
