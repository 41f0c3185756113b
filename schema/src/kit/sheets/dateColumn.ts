import { readDateCell } from './readDateCell.ts';
import type { SheetColumn } from './types.ts';

export interface DateColumnOptions {
  /** A year and month alone is read as the first of that month (参加工作时间 is often written 2010.07). */
  monthAllowed?: boolean;
  example?: string;
}

/** A calendar date, kept as YYYY-MM-DD; not after today. */
export function dateColumn(header: string, options: DateColumnOptions = {}): SheetColumn<string> {
  return {
    header,
    required: true,
    parse(value, { today }) {
      const read = readDateCell(value);
      if (!read.ok) return read;
      const { year, month, day } = read.value;
      if (day === null && !options.monthAllowed) return { ok: false, zh: '应写到日，如 2020-07-01', en: 'a full date is needed, such as 2020-07-01' };
      const text = `${year}-${String(month).padStart(2, '0')}-${String(day ?? 1).padStart(2, '0')}`;
      if (text > today) return { ok: false, zh: '日期晚于今天', en: 'the date is after today' };
      return { ok: true, value: text };
    },
    format: (value) => value,
    example: options.example ?? '2015-07-01',
    note: options.monthAllowed ? '日期，如 2015-07-01、2015/7/1、2015年7月1日；只写年月（2015.07）按当月1日' : '日期，如 2015-07-01、2015/7/1、2015年7月1日',
  };
}
