import { type ParsedRow, replaceUnitRows, type RowOf, type SheetImporter } from '@hub/schema';
import type { OrganizationDb } from '../db/queries.ts';
import { cadres } from '../db/schema.ts';
import { cadresSheet } from './sheets.ts';

type Row = RowOf<typeof cadresSheet.columns>;

/**
 * 干部名册 import: the cadres of each unit the file names are replaced by the file's rows. Warning: a
 * cadre recorded in another unit (moved here). Whether the leadership posts filled exceed those the
 * Staffing Office approved is for verification, which sees both offices.
 */
export const cadresImporter: SheetImporter<typeof cadresSheet.columns, OrganizationDb> = {
  sheet: cadresSheet,
  begin(tx, { issue }) {
    const roster = replaceUnitRows(tx, { table: cadres, key: cadres.idNumber, unit: cadres.institutionCreditCode, entity: 'Cadre' });
    return {
      async apply(batch: readonly ParsedRow<Row>[]) {
        await roster.put(batch.map(({ row, rowNumber }) => ({ rowNumber, values: row })));
      },
      async finish() {
        const { audit, moved } = await roster.finish();
        for (const m of moved)
          issue({
            severity: 'WARNING',
            row: m.rowNumber,
            column: cadresSheet.columns.idNumber.header,
            value: m.key,
            message: `此人原在另一单位（${m.fromUnit}）任职，已改为本单位`,
            messageEn: `this cadre was recorded in another unit (${m.fromUnit}); now in this one`,
          });
        return audit;
      },
    };
  },
};
