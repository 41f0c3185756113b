import { streamWorkbook } from './streamWorkbook.ts';
import type { SheetIssue } from './types.ts';

export interface IssueReportSummary {
  /** 文件名或任务号. */
  title: string;
  errors: number;
  warnings: number;
  /** Issues found beyond those kept in the report. */
  omitted: number;
}

/**
 * The error report of an import as an xlsx (streamed): one row per problem with its kind (错误 /
 * 警告), row, column, the value read and what is wrong, in Chinese; then the totals.
 */
export function writeIssueReport(issues: Iterable<SheetIssue>, summary: IssueReportSummary): Promise<Buffer> {
  return streamWorkbook(async (workbook) => {
    const sheet = workbook.addWorksheet('导入问题报告');
    sheet.columns = [
      { key: 'severity', width: 8 },
      { key: 'row', width: 8 },
      { key: 'column', width: 22 },
      { key: 'value', width: 28 },
      { key: 'message', width: 70 },
    ];
    sheet.addRow(['类别', '行号', '列', '值', '问题说明']).commit();
    for (const issue of issues)
      sheet.addRow([issue.severity === 'ERROR' ? '错误' : '警告', issue.row ?? '', issue.column ?? '', issue.value ?? '', issue.message]).commit();
    sheet.addRow([]).commit();
    sheet
      .addRow([
        '合计',
        '',
        summary.title,
        '',
        `错误 ${summary.errors} 个，警告 ${summary.warnings} 个${summary.omitted ? `（另有 ${summary.omitted} 个未列出）` : ''}`,
      ])
      .commit();
    if (summary.errors > 0) sheet.addRow(['', '', '', '', '有错误：整个文件未导入，改正后重新导入。']).commit();
    sheet.commit();
  });
}
