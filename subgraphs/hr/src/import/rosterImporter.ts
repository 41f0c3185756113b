import { anyOf, bulkUpsert, type ParsedRow, replaceUnitRows, type RowOf, type SheetImporter } from '@hub/schema';
import type { HrDb } from '../db/queries.ts';
import { employments, insurances, persons } from '../db/schema.ts';
import { rosterSheet } from './sheets.ts';

type Row = RowOf<typeof rosterSheet.columns>;

/**
 * 人员花名册 import: the employments of each unit the file names are replaced by the file's rows; each
 * person's identity and qualifications (HR owns them) and insurance are written from the row. Warnings:
 * a person employed by another unit (moved here), a name that differs from HR's record (the file's
 * is kept), an in-quota person without a public-institution pension account or not enrolled.
 */
export const rosterImporter: SheetImporter<typeof rosterSheet.columns, HrDb> = {
  sheet: rosterSheet,
  unitColumn: 'institutionCreditCode',
  begin(tx, { issue }) {
    const employment = replaceUnitRows(tx, { table: employments, key: employments.idNumber, unit: employments.institutionCreditCode, entity: 'Employment' });
    const header = (key: keyof Row) => rosterSheet.columns[key].header;
    let personsWritten = 0;
    return {
      async apply(batch: readonly ParsedRow<Row>[]) {
        const ids = batch.map(({ row }) => row.idNumber);
        const known = new Map(
          (await tx.select({ idNumber: persons.idNumber, name: persons.name }).from(persons).where(anyOf(persons.idNumber, ids))).map((p) => [
            p.idNumber,
            p.name,
          ]),
        );
        for (const { row, rowNumber } of batch) {
          const name = known.get(row.idNumber);
          if (name !== undefined && name !== row.name)
            issue({
              severity: 'WARNING',
              row: rowNumber,
              column: header('name'),
              value: row.name,
              message: `姓名与人社局原记录（${name}）不同，已按本表更新`,
              messageEn: `the name differs from HR’s record (${name}); updated to this file’s`,
            });
        }
        await bulkUpsert(
          tx,
          persons,
          batch.map(({ row }) => ({
            idNumber: row.idNumber,
            name: row.name,
            ethnicity: row.ethnicity,
            nativePlace: row.nativePlace,
            education: row.education,
            degree: row.degree,
            titleName: row.titleName,
            titleLevel: row.titleLevel,
            workStartDate: row.workStartDate,
          })),
          persons.idNumber,
        );
        personsWritten += batch.length;
        await employment.put(
          batch.map(({ row, rowNumber }) => ({
            rowNumber,
            values: { idNumber: row.idNumber, institutionCreditCode: row.institutionCreditCode, type: row.employmentType, since: row.joinedOn },
          })),
        );
        await bulkUpsert(
          tx,
          insurances,
          batch.map(({ row }) => ({
            idNumber: row.idNumber,
            pensionAccount: row.pensionAccount,
            enrolled: row.enrolled,
            occupationalAnnuity: row.occupationalAnnuity ?? false,
            since: row.insuredSince,
          })),
          insurances.idNumber,
        );
      },
      async finish() {
        const { audit, moved } = await employment.finish();
        for (const m of moved)
          issue({
            severity: 'WARNING',
            row: m.rowNumber,
            column: header('idNumber'),
            value: m.key,
            message: `此人原在另一单位（${m.fromUnit}）任职，已改为本单位`,
            messageEn: `this person was employed by another unit (${m.fromUnit}); now by this one`,
          });
        return [...audit, { entity: 'Person', key: '*', action: 'IMPORT_UPSERT', before: null, after: { written: personsWritten } }];
      },
    };
  },
};
