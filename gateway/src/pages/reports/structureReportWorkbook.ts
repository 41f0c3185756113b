import { streamWorkbook } from '@hub/schema';
import { REPORT_TABLES } from './structureReportQuery.ts';

interface Cell {
  value: string;
  count: number;
  share: number;
}
interface ReportAnswer {
  year: number;
  asOf: string;
  title: string;
  scopes: ({ label: string } & Record<string, { baseCount: number; cells: Cell[] } | null | string>)[];
}

/**
 * The report as an .xlsx: one sheet per table (年龄、性别、学历、专业技术职称结构), a row per scope with
 * its head count and, per column, the persons and their share in percent as the API gave them (so the
 * download equals the GraphQL answer). A table the viewer may not read (null) is marked so, not zero.
 */
export function structureReportWorkbook(report: ReportAnswer): Promise<Buffer> {
  return streamWorkbook(async (workbook) => {
    for (const table of REPORT_TABLES) {
      const ws = workbook.addWorksheet(table.sheet);
      ws.columns = [{ width: 30 }, { width: 10 }, ...table.columns.flatMap(() => [{ width: 10 }, { width: 9 }])];
      ws.addRow([`${report.title}：${table.sheet}`]).commit();
      ws.addRow([`统计日 ${report.asOf}；财政供养人员：全额、差额拨款单位的在编人员；占比为占该范围在编人员的百分比，保留一位小数，四舍五入`]).commit();
      ws.addRow(['范围', '合计（人）', ...table.columns.flatMap(([, label]) => [`${label}（人）`, `${label}（%）`])]).commit();
      for (const scope of report.scopes) {
        const breakdown = scope[table.alias] as { baseCount: number; cells: Cell[] } | null;
        if (!breakdown) {
          ws.addRow([scope.label, '无权读取 / not readable']).commit();
          continue;
        }
        const of = (value: string) => breakdown.cells.filter((c) => c.value === value);
        ws.addRow([
          scope.label,
          breakdown.baseCount,
          ...table.columns.flatMap(([value]) => {
            const cells = of(value);
            return cells.length ? [cells.reduce((n, c) => n + c.count, 0), cells.reduce((n, c) => n + c.share, 0)] : [0, 0];
          }),
        ]).commit();
      }
      ws.commit();
    }
  });
}
