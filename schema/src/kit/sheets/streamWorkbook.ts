import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { excelJs } from './excelJs.ts';

/**
 * Builds an xlsx with exceljs's streaming WorkbookWriter: each row is written out (and compressed)
 * as it is committed, so only the finished bytes are kept, never the workbook. Inline strings, no
 * shared-strings table (which would have to be held until the end); no styles beyond column widths.
 */
export async function streamWorkbook(build: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<Buffer> {
  const { stream } = await excelJs();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  workbook.creator = '机构编制信息共享平台';
  await build(workbook);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
