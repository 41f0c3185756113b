import type { SheetColumn } from './types.ts';

/** An amount in yuan with at most two decimals (月应发工资), ≥ 0. */
export function moneyColumn(header: string, example = '6850.00'): SheetColumn<number> {
  return {
    header,
    required: true,
    parse(value) {
      const text = typeof value === 'number' ? String(value) : String(value).replace(/[,，]/g, '');
      if (!/^\d{1,8}(\.\d{1,2})?$/.test(text)) return { ok: false, zh: '应为金额（元），最多两位小数', en: 'expected an amount in yuan, at most two decimals' };
      return { ok: true, value: Number(text) };
    },
    format: (value) => value.toFixed(2),
    example,
    note: '金额（元），最多两位小数',
  };
}
