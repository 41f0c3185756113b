import type { CellValue } from './types.ts';

/**
 * An exceljs cell value as a plain value: rich text joined, a formula's cached result, a hyperlink's
 * text, an error cell (#N/A) as its text; blank text is null. Text is trimmed of spaces, including the
 * full-width space (U+3000) and the non-breaking space that pasted text carries.
 */
export function cellValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') {
    const text = raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
    return text === '' ? null : text;
  }
  if (typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    const value = raw as { richText?: { text: string }[]; result?: unknown; formula?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(value.richText)) return cellValue(value.richText.map((part) => part.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) return cellValue(value.result);
    if ('text' in value) return cellValue(typeof value.text === 'string' ? value.text : cellValue(value.text));
    if (typeof value.error === 'string') return value.error;
  }
  return cellValue(String(raw));
}

/** A cell's text as a report shows it (dates as YYYY-MM-DD). */
export function cellText(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  return String(value);
}
