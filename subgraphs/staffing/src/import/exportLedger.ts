import { and, asc, eq, gt, inArray, or, type SQL } from 'drizzle-orm';
import {
  ErrorCode,
  hubError,
  IMPORT_ROUTES,
  parseCreditCode,
  parseIdNumber,
  parseJsonBody,
  type RowOf,
  type SubgraphRoute,
  type Viewer,
  writeSheet,
  XLSX_TYPE,
} from '@hub/schema';
import type { StaffingDb } from '../db/queries.ts';
import { institutions, ledgerEntries } from '../db/schema.ts';
import type { InstitutionSystem } from '../generated/enums.ts';
import { institutionsSheet, ledgerSheet } from './sheets.ts';

/** Ledger rows read per statement while exporting. */
const PAGE = 2000;

/** The export's scope: `{ institution }` or `{ system }`. */
function readScope(raw: Buffer): { institution: string } | { system: string } | null {
  const value = parseJsonBody(raw) as Record<string, unknown> | null;
  if (typeof value?.institution === 'string' && value.institution.length <= 32) return { institution: value.institution };
  if (typeof value?.system === 'string' && value.system.length <= 40) return { system: value.system };
  return null;
}

/** The ledger's readers: the Staffing Office's own roles, and a unit's own unit operator for its unit (its ledger fields are the office's). */
function requireLedgerReader(viewer: Viewer | null, institution: string | null): Viewer {
  if (viewer?.office === 'staffing' && viewer.role !== 'UNIT_OPERATOR') return viewer;
  if (viewer?.office === 'staffing' && viewer.role === 'UNIT_OPERATOR' && viewer.unit && institution === viewer.unit) return viewer;
  throw hubError(
    ErrorCode.FORBIDDEN,
    null,
    '只有编办或本单位的用人单位填报员可以导出本单位台账',
    'only the Staffing Office, or the unit’s own unit operator, may export a ledger',
    {
      reason: viewer?.role === 'UNIT_OPERATOR' ? 'OTHER_UNIT' : 'NOT_LEDGER_READER',
      http: { status: 403 },
    },
  );
}

/**
 * 台账导出: one institution's or one system's ledger as an xlsx with the import's own headers (gender
 * and birth month written from the ID number), so the file imports back unchanged. Rows are paged
 * out of the database in key order and streamed into the workbook.
 */
export function exportLedgerRoute(db: StaffingDb): SubgraphRoute<Viewer | null> {
  return {
    path: IMPORT_ROUTES.exportLedger,
    async handle({ caller, body: raw }) {
      const scope = readScope(raw);
      if (!scope) throw hubError(ErrorCode.BAD_REQUEST, null, '应给出 institution 或 system', 'give institution or system', { http: { status: 400 } });
      let units: { creditCode: string; name: string }[];
      let title: string;
      if ('institution' in scope) {
        const code = parseCreditCode(scope.institution);
        if (typeof code === 'string')
          throw hubError(ErrorCode.INVALID_CREDIT_CODE, 'institution', '统一社会信用代码无效', 'invalid credit code', { http: { status: 400 } });
        requireLedgerReader(caller, code.creditCode);
        units = await db
          .select({ creditCode: institutions.creditCode, name: institutions.name })
          .from(institutions)
          .where(eq(institutions.creditCode, code.creditCode));
        if (units.length === 0) throw hubError(ErrorCode.NOT_FOUND, 'institution', '编办没有这个机构', 'no such institution', { http: { status: 404 } });
        title = units[0]!.name;
      } else {
        const read = institutionsSheet.columns.system.parse(scope.system, { today: '' });
        if (!read.ok) throw hubError(ErrorCode.INVALID_ARGUMENT, 'system', `所属系统${read.zh}`, `system: ${read.en}`, { http: { status: 400 } });
        requireLedgerReader(caller, null);
        units = await db
          .select({ creditCode: institutions.creditCode, name: institutions.name })
          .from(institutions)
          .where(eq(institutions.system, read.value as InstitutionSystem))
          .orderBy(asc(institutions.creditCode));
        title = String(institutionsSheet.columns.system.format(read.value));
      }
      const names = new Map(units.map((u) => [u.creditCode, u.name]));
      const file = await writeSheet(ledgerSheet, ledgerRows(db, [...names.keys()], names));
      return {
        status: 200,
        headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${title}实名制台账.xlsx`)}` },
        body: file,
      };
    },
  };
}

async function* ledgerRows(db: StaffingDb, codes: string[], names: Map<string, string>): AsyncGenerator<RowOf<typeof ledgerSheet.columns>> {
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    let after: { unit: string; id: string } | null = null;
    for (;;) {
      const where: SQL | undefined = after
        ? and(
            inArray(ledgerEntries.institutionCreditCode, chunk),
            or(
              gt(ledgerEntries.institutionCreditCode, after.unit),
              and(eq(ledgerEntries.institutionCreditCode, after.unit), gt(ledgerEntries.idNumber, after.id)),
            ),
          )
        : inArray(ledgerEntries.institutionCreditCode, chunk);
      const page: (typeof ledgerEntries.$inferSelect)[] = await db
        .select()
        .from(ledgerEntries)
        .where(where)
        .orderBy(asc(ledgerEntries.institutionCreditCode), asc(ledgerEntries.idNumber))
        .limit(PAGE);
      for (const entry of page) {
        const id = parseIdNumber(entry.idNumber);
        yield {
          institutionCreditCode: entry.institutionCreditCode,
          institutionName: names.get(entry.institutionCreditCode) ?? null,
          name: entry.name,
          idNumber: entry.idNumber,
          gender: typeof id === 'string' ? null : id.gender,
          ethnicity: entry.ethnicity,
          nativePlace: entry.nativePlace,
          birthMonth: typeof id === 'string' ? null : id.birthDate.slice(0, 7),
          politicalStatus: entry.politicalStatus,
          post: entry.post,
          workStartDate: entry.workStartDate,
          unitJoinDate: entry.unitJoinDate,
          quotaCategory: entry.quotaCategory,
          staffingCardNumber: entry.staffingCardNumber,
        };
      }
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = { unit: last.institutionCreditCode, id: last.idNumber };
    }
  }
}
