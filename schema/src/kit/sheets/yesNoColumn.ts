import type { SheetColumn } from './types.ts';

const YES = new Set(['是', '有', 'Y', 'y', '√', '1', 'TRUE', 'true']);
const NO = new Set(['否', '无', 'N', 'n', '×', '0', 'FALSE', 'false']);

/** 是 / 否 (also 有/无, Y/N, √/×, 1/0 and Excel's TRUE/FALSE); exported as 是 / 否, or the words given. */
export function yesNoColumn(header: string, words: { yes: string; no: string } = { yes: '是', no: '否' }): SheetColumn<boolean> {
  return {
    header,
    required: true,
    parse(value) {
      const text = String(value);
      if (value === true || text === words.yes || YES.has(text)) return { ok: true, value: true };
      if (value === false || text === words.no || NO.has(text)) return { ok: true, value: false };
      return { ok: false, zh: `应为“${words.yes}”或“${words.no}”`, en: `expected ${words.yes} or ${words.no} (yes or no)` };
    },
    format: (value) => (value ? words.yes : words.no),
    example: words.yes,
    note: `${words.yes} 或 ${words.no}`,
  };
}
