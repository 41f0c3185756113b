import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../creditCode.ts';
import { idNumberCheckChar } from '../idNumber.ts';
import { countColumn } from './countColumn.ts';
import { creditCodeColumn } from './creditCodeColumn.ts';
import { dateColumn } from './dateColumn.ts';
import { defineSheet } from './defineSheet.ts';
import { enumColumn } from './enumColumn.ts';
import { enumLabels } from './enumLabels.ts';
import { idNumberColumn } from './idNumberColumn.ts';
import { mapHeaders } from './mapHeaders.ts';
import { monthColumn } from './monthColumn.ts';
import { optional } from './optional.ts';
import { parseSheet } from './parseSheet.ts';
import { readDateCell } from './readDateCell.ts';
import { readSheetRows } from './readSheetRows.ts';
import { SheetFileError } from './sheetFileError.ts';
import { streamWorkbook } from './streamWorkbook.ts';
import { textColumn } from './textColumn.ts';
import type { SheetIssue } from './types.ts';
import { writeSheet } from './writeSheet.ts';
import { writeTemplate } from './writeTemplate.ts';
import { yesNoColumn } from './yesNoColumn.ts';

const TODAY = '2026-12-02';
const ctx = { today: TODAY };
const id = (body: string) => body + idNumberCheckChar(body);
const code = (body: string) => body + creditCodeCheckChar(body);
const SDL = `
enum FundingForm {
  """全额拨款 / fully funded"""
  FULL
  """差额拨款 / partially funded"""
  PARTIAL
  """自收自支 / self-funded"""
  SELF_FUNDED
}`;

const xlsxOf = (rows: unknown[][]) =>
  streamWorkbook(async (workbook) => {
    const sheet = workbook.addWorksheet('表');
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
  });

describe('reading cells', () => {
  it('reads the date forms units write, and refuses what cannot be told', () => {
    const day = (value: unknown) => readDateCell(value as never);
    expect(day('2020-07-01')).toEqual({ ok: true, value: { year: 2020, month: 7, day: 1 } });
    expect(day('2020/7/1')).toEqual({ ok: true, value: { year: 2020, month: 7, day: 1 } });
    expect(day('2020年7月1日')).toEqual({ ok: true, value: { year: 2020, month: 7, day: 1 } });
    expect(day('20200701')).toEqual({ ok: true, value: { year: 2020, month: 7, day: 1 } });
    expect(day('2020.07')).toEqual({ ok: true, value: { year: 2020, month: 7, day: null } });
    expect(day(new Date(Date.UTC(2020, 6, 1)))).toEqual({ ok: true, value: { year: 2020, month: 7, day: 1 } });
    expect(day(43983)).toEqual({ ok: true, value: { year: 2020, month: 6, day: 1 } });
    expect(day('2023-02-29')).toMatchObject({ ok: false, zh: '不是真实的日期' });
    expect(day(2020.1)).toMatchObject({ ok: false });
    expect(day('去年')).toMatchObject({ ok: false });
  });

  it('holds dates and months to today, and to a whole date where one is needed', () => {
    expect(dateColumn('调入单位时间').parse('2027-01-01', ctx)).toMatchObject({ ok: false, zh: '日期晚于今天' });
    expect(dateColumn('任职时间').parse('2020.07', ctx)).toMatchObject({ ok: false });
    expect(dateColumn('参加工作时间', { monthAllowed: true }).parse('2020.07', ctx)).toEqual({ ok: true, value: '2020-07-01' });
    expect(monthColumn('发放月份').parse('2026年10月', ctx)).toEqual({ ok: true, value: '2026-10' });
    expect(monthColumn('发放月份').parse('2027-01', ctx)).toMatchObject({ ok: false });
  });

  it('checks ID numbers and credit codes with the kit’s checks; an ID stored as a number is refused', () => {
    const column = idNumberColumn();
    const good = id('41010219850317001');
    expect(column.parse(good.toLowerCase(), ctx)).toEqual({ ok: true, value: good });
    expect(column.parse(`${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`, ctx)).toMatchObject({ ok: false, zh: expect.stringContaining('校验码') });
    expect(column.parse(410102198503170000, ctx)).toMatchObject({ ok: false, zh: expect.stringContaining('数字') });
    expect(column.parse(id('41010220200101001'), ctx)).toMatchObject({ ok: false, zh: expect.stringContaining('年龄') });
    expect(creditCodeColumn('统一社会信用代码').parse(code('12410102MB34752R5'), ctx)).toMatchObject({ ok: true });
    expect(creditCodeColumn('统一社会信用代码').parse('12410102MB34752R50', ctx)).toMatchObject({ ok: false });
  });

  it('reads Chinese enumerations from the SDL’s descriptions, their aliases and codes, and writes the label back', () => {
    const labels = enumLabels(SDL, 'FundingForm');
    expect([...labels]).toEqual([
      ['全额拨款', 'FULL'],
      ['差额拨款', 'PARTIAL'],
      ['自收自支', 'SELF_FUNDED'],
    ]);
    const column = enumColumn('经费形式', labels, { aliases: { 全额: '全额拨款' } });
    expect(column.parse('全额拨款', ctx)).toEqual({ ok: true, value: 'FULL' });
    expect(column.parse('全额', ctx)).toEqual({ ok: true, value: 'FULL' });
    expect(column.parse('PARTIAL', ctx)).toEqual({ ok: true, value: 'PARTIAL' });
    expect(column.parse('财政拨款', ctx)).toEqual({ ok: false, zh: '应为以下之一：全额拨款、差额拨款、自收自支', en: expect.any(String) });
    expect(column.format('SELF_FUNDED')).toBe('自收自支');
    expect(yesNoColumn('是否参保').parse('否', ctx)).toEqual({ ok: true, value: false });
    expect(countColumn('事业编制').parse('-1', ctx)).toMatchObject({ ok: false });
  });

  it('maps headers loosely (spaces, full-width brackets, aliases, a required mark) and names what is missing', () => {
    const columns = { post: textColumn('职务（职称）', { example: '' }), id: idNumberColumn(), note: optional(textColumn('备注说明', { example: '' })) };
    const mapped = mapHeaders(['序号', '职务 (职称)', '*身份证号', '籍贯'], columns);
    expect(mapped.indexOf).toEqual(
      new Map([
        ['post', 1],
        ['id', 2],
      ]),
    );
    expect(mapped.unknown).toEqual(['籍贯']);
    expect(mapHeaders(['职务'], columns).missing).toEqual(['职务（职称）', '公民身份号码']);
  });
});

const kind = defineSheet({
  office: 'test',
  kind: 'people',
  title: '人员',
  columns: {
    idNumber: idNumberColumn(),
    name: textColumn('姓名', { maxLength: 4, example: '张三' }),
    fundingForm: optional(enumColumn('经费形式', enumLabels(SDL, 'FundingForm'))),
  },
  uniqueBy: ['idNumber'],
});

async function parseAll(rows: unknown[][], maxRows = 100) {
  const issues: SheetIssue[] = [];
  const parsed: unknown[] = [];
  for await (const row of parseSheet(await xlsxOf(rows), kind, { today: TODAY, maxRows, onIssue: (i) => issues.push(i) })) parsed.push(row);
  return { parsed, issues };
}

describe('parseSheet', () => {
  const A = id('41010219850317001');
  const B = id('41010219900102002');

  it('finds the header under a title, skips blank rows, and yields typed rows with their row numbers', async () => {
    const { parsed, issues } = await parseAll([['某单位人员名单'], ['姓名', '公民身份号码', '经费形式'], ['张三', A, '全额拨款'], [], ['李四', B, null]]);
    expect(issues).toEqual([]);
    expect(parsed).toEqual([
      { rowNumber: 3, row: { idNumber: A, name: '张三', fundingForm: 'FULL' } },
      { rowNumber: 5, row: { idNumber: B, name: '李四', fundingForm: null } },
    ]);
  });

  it('reports every bad cell, blank required cell and duplicate with row, column and value, and yields only good rows', async () => {
    const { parsed, issues } = await parseAll([
      ['姓名', '公民身份号码', '经费形式', '序号'],
      ['张三', A, '拨款'],
      [null, B, null],
      ['王五五五五', A, null],
      ['张三', A, null],
    ]);
    expect(parsed).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.value, i.message])).toEqual([
      [2, '经费形式', '拨款', '应为以下之一：全额拨款、差额拨款、自收自支'],
      [3, '姓名', null, '必填项为空'],
      [4, '姓名', '王五五五五', '超过4个字符'],
      [4, '公民身份号码', A, '与第2行重复'],
      [5, '公民身份号码', A, '与第2行重复'],
    ]);
  });

  it('refuses the file as a whole: not an xlsx, no header row, no rows, too many rows', async () => {
    const fileError = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        return error instanceof SheetFileError ? error.problem : error;
      }
      return null;
    };
    const drain = async (file: Buffer, maxRows = 100) => {
      for await (const _ of parseSheet(file, kind, { today: TODAY, maxRows, onIssue: () => {} }));
    };
    expect(await fileError(() => drain(Buffer.from('身份证号,姓名')))).toBe('NOT_XLSX');
    expect(await fileError(() => drain(Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(64)])))).toBe('NOT_XLSX');
    expect(await fileError(async () => drain(await xlsxOf([['姓名'], ['张三']])))).toBe('MISSING_HEADERS');
    expect(await fileError(async () => drain(await xlsxOf([['姓名', '公民身份号码']])))).toBe('NO_ROWS');
    expect(
      await fileError(async () =>
        drain(
          await xlsxOf([
            ['姓名', '公民身份号码'],
            ['张三', A],
            ['李四', B],
          ]),
          1,
        ),
      ),
    ).toBe('TOO_MANY_ROWS');
  });

  it('keeps Chinese text whole where it crosses the reader’s chunks (exceljs decoded each chunk alone: patches/exceljs@4.4.0.patch)', async () => {
    // Varied characters, so that the file compresses poorly and comes in many chunks.
    let seed = 7;
    const char = () => {
      seed = (seed * 48271) % 2147483647;
      return String.fromCodePoint(0x4e00 + (seed % 20000));
    };
    const names = Array.from({ length: 6000 }, () => Array.from({ length: 12 }, char).join(''));
    const read: unknown[] = [];
    for await (const row of readSheetRows(await xlsxOf(names.map((name) => [name])))) read.push(row.cells[0]);
    expect(read).toEqual(names);
  });

  it('reads a streamed workbook whose xl/workbook.xml comes last, every time (exceljs lost the last entry of the archive in about one read of six: patches/exceljs@4.4.0.patch)', async () => {
    const file = await streamWorkbook(async (workbook) => {
      for (const sheet of ['年龄结构', '性别结构', '学历结构', '职称结构']) {
        const ws = workbook.addWorksheet(sheet);
        for (let r = 0; r < 20; r++) ws.addRow([`${sheet}${r}`, r, r * 2, 12.5, '合计']).commit();
      }
    });
    const firsts: unknown[] = [];
    for (let i = 0; i < 60; i++) {
      const cells: unknown[] = [];
      for await (const row of readSheetRows(file)) cells.push(row.cells[0]);
      firsts.push(cells.length === 20 ? cells[19] : cells);
    }
    expect(new Set(firsts)).toEqual(new Set(['年龄结构19']));
  });

  it('reads back what writeSheet wrote, unchanged, and a template’s example row is valid', async () => {
    const rows = [
      { idNumber: A, name: '张三', fundingForm: 'PARTIAL' as const },
      { idNumber: B, name: '李四', fundingForm: null },
    ];
    const parsed: unknown[] = [];
    for await (const row of parseSheet(await writeSheet(kind, rows), kind, { today: TODAY, maxRows: 10, onIssue: (i) => parsed.push(i) })) parsed.push(row.row);
    expect(parsed).toEqual(rows);
    const template: unknown[][] = [];
    for await (const row of readSheetRows(await writeTemplate(kind))) template.push(row.cells);
    expect(template).toEqual([
      ['公民身份号码', '姓名', '经费形式'],
      ['110101199003071233', '张三', '全额拨款'],
    ]);
    expect(idNumberColumn().parse('110101199003071233', ctx)).toMatchObject({ ok: true });
  });
});
