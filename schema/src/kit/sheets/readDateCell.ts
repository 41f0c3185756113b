import { isCalendarDate } from '../calendarDate.ts';
import type { CellResult, CellValue } from './types.ts';

/** A day or a month as a cell gives it; `day` is null where only a year and month were written. */
export interface CellDate {
  year: number;
  month: number;
  day: number | null;
}

const TEXT_FORMS: readonly RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月?$/,
  /^(\d{4})(\d{2})$/,
];

const fail = (zh: string, en: string): CellResult<CellDate> => ({ ok: false, zh, en });

function fromParts(year: number, month: number, day: number | null): CellResult<CellDate> {
  const text = `${year}-${String(month).padStart(2, '0')}-${String(day ?? 1).padStart(2, '0')}`;
  if (year < 1900 || !isCalendarDate(text)) return fail('不是真实的日期', 'not a real date');
  return { ok: true, value: { year, month, day } };
}

/**
 * Reads a date cell as units fill them in: a date cell (exceljs gives a Date at UTC midnight), an
 * Excel serial number, or text such as 2020-07-01, 2020/7/1, 2020.07.01, 2020年7月1日, 20200701, or a
 * month only (2020-07, 2020.07, 2020年7月, 202007). A number such as 2020.1 is refused: Excel has
 * dropped the zero of 2020.10 and January cannot be told from October.
 */
export function readDateCell(value: CellValue): CellResult<CellDate> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail('不是真实的日期', 'not a real date');
    return fromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 10_000 && value < 80_000) {
      // Excel's serial day: 25569 is 1970-01-01 (the 1900 leap-year bug lies before any date kept here).
      const date = new Date(Math.round((value - 25569) * 86_400_000));
      return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    }
    if (!Number.isInteger(value) && value >= 1900 && value < 2200)
      return fail(
        '年月被存成了数字（如 2020.1 分不清是1月还是10月），请设为文本并写作 2020.01 或 2020-01',
        'a year and month stored as a number is ambiguous: write it as text, 2020-01',
      );
    return readDateCell(String(value));
  }
  if (typeof value !== 'string') return fail('应为日期，如 2020-07-01', 'expected a date such as 2020-07-01');
  for (const form of TEXT_FORMS) {
    const match = form.exec(value);
    if (match) return fromParts(Number(match[1]), Number(match[2]), match[3] === undefined ? null : Number(match[3]));
  }
  return fail('应为日期，如 2020-07-01 或 2020年7月1日', 'expected a date such as 2020-07-01');
}
