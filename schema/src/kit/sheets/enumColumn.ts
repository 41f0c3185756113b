import type { SheetColumn } from './types.ts';

export interface EnumColumnOptions {
  /** More words units write for a value (乡镇 and 街道 for 乡镇（街道）). */
  aliases?: Readonly<Record<string, string>>;
  headerAliases?: readonly string[];
}

/**
 * One of an enumeration, written in Chinese as the office's schema describes its values
 * (`labels`: label → value, from enumLabels); exported with its label. The code itself (FULL) is
 * accepted too.
 */
export function enumColumn<T extends string>(header: string, labels: ReadonlyMap<string, T>, options: EnumColumnOptions = {}): SheetColumn<T> {
  const read = new Map<string, T>();
  const labelOf = new Map<T, string>();
  for (const [label, value] of labels) {
    read.set(label, value);
    read.set(value, value);
    if (!labelOf.has(value)) labelOf.set(value, label);
  }
  for (const [word, label] of Object.entries(options.aliases ?? {})) {
    const value = labels.get(label);
    if (value) read.set(word, value);
  }
  const allowed = [...labelOf.values()];
  return {
    header,
    ...(options.headerAliases ? { aliases: options.headerAliases } : {}),
    required: true,
    parse(value) {
      const text = String(value).replace(/（/g, '(').replace(/）/g, ')');
      const found = read.get(String(value)) ?? read.get(text) ?? [...read].find(([label]) => label.replace(/（/g, '(').replace(/）/g, ')') === text)?.[1];
      if (found) return { ok: true, value: found };
      return { ok: false, zh: `应为以下之一：${allowed.join('、')}`, en: `expected one of: ${allowed.join(', ')}` };
    },
    format: (value) => labelOf.get(value) ?? value,
    example: allowed[0] ?? '',
    note: `以下之一：${allowed.join('、')}`,
  };
}
