import { streamWorkbook } from './streamWorkbook.ts';
import type { RowOf, SheetColumn, SheetKind } from './types.ts';

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);

/**
 * Exports rows of a kind as an xlsx with the kind's own headers, each value written as its column's
 * `format` gives it (enumerations as their Chinese labels, dates as YYYY-MM-DD), so the file imports
 * back unchanged. Rows are streamed in: pass an async iterable that pages through the database.
 */
export async function writeSheet<C extends Record<string, SheetColumn>>(
  kind: SheetKind<C>,
  rows: AsyncIterable<RowOf<C>> | Iterable<RowOf<C>>,
): Promise<Buffer> {
  const columns = Object.entries(kind.columns) as [keyof C & string, SheetColumn][];
  return streamWorkbook(async (workbook) => {
    const sheet = workbook.addWorksheet(sheetName(kind.title));
    sheet.columns = columns.map(([key, column]) => ({ key, width: Math.max(10, [...column.header].length * 2 + 2) }));
    sheet.addRow(columns.map(([, column]) => column.header)).commit();
    for await (const row of rows) sheet.addRow(columns.map(([key, column]) => column.format(row[key]))).commit();
    sheet.commit();
  });
}
