import { and, count, eq, inArray } from 'drizzle-orm';
import { type ParsedRow, replaceUnitRows, type RowOf, type SheetImporter } from '@hub/schema';
import type { FinanceDb } from '../db/queries.ts';
import { budgetUnits, payrollRecords } from '../db/schema.ts';
import { payrollSheet } from './sheets.ts';

type Row = RowOf<typeof payrollSheet.columns>;

/**
 * 工资发放 import: the payroll records of each unit the file names are replaced by the file's rows (the
 * month paid becomes the last paid month; 停发 rows are kept as stopped). Warnings: a person paid by
 * another unit (moved here), a unit without a budget unit, more persons paid than budgeted.
 */
export const payrollImporter: SheetImporter<typeof payrollSheet.columns, FinanceDb> = {
  sheet: payrollSheet,
  begin(tx, { issue }) {
    const payroll = replaceUnitRows(tx, { table: payrollRecords, key: payrollRecords.idNumber, unit: payrollRecords.institutionCreditCode, entity: 'Payroll' });
    const firstRow = new Map<string, number>();
    const header = (key: keyof Row) => payrollSheet.columns[key].header;
    return {
      async apply(batch: readonly ParsedRow<Row>[]) {
        await payroll.put(
          batch.map(({ row, rowNumber }) => {
            if (!firstRow.has(row.institutionCreditCode)) firstRow.set(row.institutionCreditCode, rowNumber);
            return {
              rowNumber,
              values: {
                idNumber: row.idNumber,
                nameOnRecord: row.nameOnRecord,
                institutionCreditCode: row.institutionCreditCode,
                onPayroll: row.onPayroll ?? true,
                lastPaidMonth: row.monthPaid,
                budgetLine: row.budgetLine,
                monthlyGrossPay: row.monthlyGrossPay,
              },
            };
          }),
        );
      },
      async finish() {
        const { audit, moved } = await payroll.finish();
        for (const m of moved)
          issue({
            severity: 'WARNING',
            row: m.rowNumber,
            column: header('idNumber'),
            value: m.key,
            message: `此人原在另一单位（${m.fromUnit}）领取工资，已改为本单位`,
            messageEn: `this person was paid by another unit (${m.fromUnit}); now by this one`,
          });
        const units = [...firstRow.keys()];
        for (let i = 0; i < units.length; i += 1000) {
          const chunk = units.slice(i, i + 1000);
          const budgeted = new Map(
            (await tx.select().from(budgetUnits).where(inArray(budgetUnits.institutionCreditCode, chunk))).map((b) => [
              b.institutionCreditCode,
              b.budgetedHeadcount,
            ]),
          );
          const paid = await tx
            .select({ unit: payrollRecords.institutionCreditCode, n: count() })
            .from(payrollRecords)
            .where(and(inArray(payrollRecords.institutionCreditCode, chunk), eq(payrollRecords.onPayroll, true)))
            .groupBy(payrollRecords.institutionCreditCode);
          for (const unit of chunk) {
            const n = paid.find((p) => p.unit === unit)?.n ?? 0;
            const limit = budgeted.get(unit);
            const at = { severity: 'WARNING' as const, row: firstRow.get(unit)!, column: header('institutionCreditCode'), value: unit };
            if (limit === undefined) issue({ ...at, message: '该单位没有预算单位记录', messageEn: 'the unit has no budget unit' });
            else if (n > limit)
              issue({ ...at, message: `在发${n}人，多于预算编制人数${limit}`, messageEn: `${n} persons paid, more than the ${limit} budgeted` });
          }
        }
        return audit;
      },
    };
  },
};
