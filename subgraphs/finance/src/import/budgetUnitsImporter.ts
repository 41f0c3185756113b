import { and, count, eq, inArray } from 'drizzle-orm';
import { type ParsedRow, replaceUnitRows, type RowOf, type SheetImporter } from '@hub/schema';
import type { FinanceDb } from '../db/queries.ts';
import { budgetUnits, payrollRecords } from '../db/schema.ts';
import { budgetUnitsSheet } from './sheets.ts';

type Row = RowOf<typeof budgetUnitsSheet.columns>;

/**
 * 预算单位 import: the budget unit of each institution the file names is replaced by the row. Errors:
 * one budget-unit code on two rows. Warnings: a code that belonged to another institution's budget unit
 * (it moves here), more persons on the payroll than budgeted (Finance's own records; whether the funding
 * form agrees with the Staffing Office's approval is for verification, which sees both offices).
 */
export const budgetUnitsImporter: SheetImporter<typeof budgetUnitsSheet.columns, FinanceDb> = {
  sheet: budgetUnitsSheet,
  begin(tx, { issue }) {
    const units = replaceUnitRows(tx, { table: budgetUnits, key: budgetUnits.code, unit: budgetUnits.institutionCreditCode, entity: 'BudgetUnit' });
    const codes = new Map<string, number>();
    const rows = new Map<string, { rowNumber: number; budgeted: number }>();
    const header = (key: keyof Row) => budgetUnitsSheet.columns[key].header;
    return {
      async check(batch: readonly ParsedRow<Row>[]) {
        for (const { row, rowNumber } of batch) {
          const first = codes.get(row.code);
          if (first !== undefined)
            issue({
              severity: 'ERROR',
              row: rowNumber,
              column: header('code'),
              value: row.code,
              message: `预算单位编码与第${first}行重复`,
              messageEn: `the same code as row ${first}`,
            });
          else codes.set(row.code, rowNumber);
        }
      },
      async apply(batch) {
        await units.put(batch.map(({ row, rowNumber }) => ({ rowNumber, values: row })));
        for (const { row, rowNumber } of batch) rows.set(row.institutionCreditCode, { rowNumber, budgeted: row.budgetedHeadcount });
      },
      async finish() {
        const { audit, moved } = await units.finish();
        for (const m of moved)
          issue({
            severity: 'WARNING',
            row: m.rowNumber,
            column: header('code'),
            value: m.key,
            message: `该编码原属另一单位（${m.fromUnit}）的预算单位，已改属本单位`,
            messageEn: `this code was another institution’s budget unit (${m.fromUnit})`,
          });
        const institutions = [...rows.keys()];
        for (let i = 0; i < institutions.length; i += 1000) {
          const paid = await tx
            .select({ unit: payrollRecords.institutionCreditCode, n: count() })
            .from(payrollRecords)
            .where(and(inArray(payrollRecords.institutionCreditCode, institutions.slice(i, i + 1000)), eq(payrollRecords.onPayroll, true)))
            .groupBy(payrollRecords.institutionCreditCode);
          for (const p of paid) {
            const row = rows.get(p.unit)!;
            if (p.n > row.budgeted)
              issue({
                severity: 'WARNING',
                row: row.rowNumber,
                column: header('budgetedHeadcount'),
                value: String(row.budgeted),
                message: `工资发放名单上在发${p.n}人，多于预算编制人数`,
                messageEn: `${p.n} persons on the payroll, more than budgeted`,
              });
          }
        }
        return audit;
      },
    };
  },
};
