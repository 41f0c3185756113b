import { streamWorkbook } from './streamWorkbook.ts';
import type { SheetColumn, SheetKind } from './types.ts';

/**
 * The downloadable template of a kind: its sheet with the header row and one example row (delete or
 * overwrite it), and a second sheet, 填写说明, saying for each column whether it is required and what
 * it takes (the allowed Chinese words of an enumeration, the date forms read).
 */
export function writeTemplate<C extends Record<string, SheetColumn>>(kind: SheetKind<C>): Promise<Buffer> {
  const columns = Object.values(kind.columns) as SheetColumn[];
  return streamWorkbook(async (workbook) => {
    const sheet = workbook.addWorksheet(kind.title.slice(0, 31));
    sheet.columns = columns.map((column, i) => ({ key: String(i), width: Math.max(12, [...column.header].length * 2 + 2) }));
    sheet.addRow(columns.map((column) => column.header)).commit();
    sheet.addRow(columns.map((column) => column.example)).commit();
    sheet.commit();
    const notes = workbook.addWorksheet('填写说明');
    notes.columns = [
      { key: 'header', width: 24 },
      { key: 'required', width: 10 },
      { key: 'note', width: 80 },
    ];
    notes.addRow(['列名', '是否必填', '填写要求']).commit();
    for (const column of columns) notes.addRow([column.header, column.required ? '必填' : '选填', column.note]).commit();
    notes.addRow([]).commit();
    notes
      .addRow([
        '说明',
        '',
        '第一个工作表为数据表；表头可在前10行内（其上可有标题行）；示例行请删除或覆盖。导入时发现格式错误则整个文件不导入，并可下载问题报告。',
      ])
      .commit();
    notes.commit();
  });
}
