import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded when a process first reads or writes a workbook (about 20 MB of its memory once
 * loaded, a third of a second to load): a gateway or subgraph that never imports or exports a sheet
 * does without it.
 */
export function excelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}
