import { Readable } from 'node:stream';
import { cellValue } from './cellValue.ts';
import { excelJs } from './excelJs.ts';
import { SheetFileError } from './sheetFileError.ts';
import type { CellValue } from './types.ts';

export interface SheetRow {
  /** The row's number in the sheet (1 = first). */
  number: number;
  /** Its cells from column A on; blank cells are null. */
  cells: CellValue[];
}

export interface ReadSheetOptions {
  /** Told how many bytes of the file have been read so far (progress). */
  onBytes?: (bytes: number) => void;
}

const CHUNK = 64 * 1024;
/** Every xlsx is a zip, whose first local file header starts so. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Whether the bytes can be an xlsx at all (a zip archive); checked before any parsing. */
export const looksLikeXlsx = (bytes: Uint8Array) => bytes.length >= 4 && Buffer.from(bytes.subarray(0, 4)).equals(ZIP_MAGIC);

/**
 * The first worksheet's rows, one at a time, read with exceljs's streaming WorkbookReader: the
 * workbook is never held in memory (only the shared strings, which exceljs keeps to resolve cells,
 * and a sheet that comes before them in the archive waits in a temporary file). Date-formatted cells
 * come as Dates (styles are read for their number formats).
 */
export async function* readSheetRows(file: Buffer, options: ReadSheetOptions = {}): AsyncGenerator<SheetRow> {
  if (!looksLikeXlsx(file)) throw new SheetFileError('NOT_XLSX', '文件不是 xlsx 格式（Excel 2007 及以后的工作簿）', 'the file is not an xlsx workbook');
  let offset = 0;
  const input = new Readable({
    read() {
      if (offset >= file.length) return void this.push(null);
      const end = Math.min(offset + CHUNK, file.length);
      this.push(file.subarray(offset, end));
      offset = end;
      options.onBytes?.(offset);
    },
  });
  const ExcelJS = await excelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
        yield { number: row.number, cells };
      }
      break;
    }
  } catch (error) {
    if (error instanceof SheetFileError) throw error;
    throw new SheetFileError('NOT_XLSX', '文件无法按 xlsx 读取（已损坏或不是 Excel 工作簿）', 'the file cannot be read as an xlsx workbook', { cause: error });
  } finally {
    input.destroy();
  }
  if (sheets === 0) throw new SheetFileError('NO_WORKSHEET', '工作簿中没有工作表', 'the workbook has no worksheet');
}
