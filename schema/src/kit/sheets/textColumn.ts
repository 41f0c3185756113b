import type { SheetColumn } from './types.ts';

export interface TextColumnOptions {
  /** The most characters (Unicode code points) kept. */
  maxLength?: number;
  aliases?: readonly string[];
  example: string;
  note?: string;
}

/** Free text (a name, a post), at most `maxLength` characters; numbers typed into it are read as their text. */
export function textColumn(header: string, options: TextColumnOptions): SheetColumn<string> {
  const max = options.maxLength ?? 64;
  return {
    header,
    ...(options.aliases ? { aliases: options.aliases } : {}),
    required: true,
    parse(value) {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
      if ([...text].length > max) return { ok: false, zh: `超过${max}个字符`, en: `longer than ${max} characters` };
      return { ok: true, value: text };
    },
    format: (value) => value,
    example: options.example,
    note: options.note ?? `文字，最多${max}字`,
  };
}
