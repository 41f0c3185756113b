import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AuditRecord, ParsedRow, RowOf, SheetImporter } from '@hub/schema';
import type { StaffingDb } from '../db/queries.ts';
import { syncVacantSince } from '../db/syncVacantSince.ts';
import { institutions, ledgerEntries, quotas } from '../db/schema.ts';
import type { QuotaCategory } from '../generated/enums.ts';
import { institutionsSheet, QUOTA_COLUMNS } from './sheets.ts';

type Row = RowOf<typeof institutionsSheet.columns>;
type Snapshot = {
  name: string;
  kind: string;
  level: string;
  system: string;
  fundingForm: string;
  parent: string | null;
  leadershipPosts: number;
  quotas: Record<string, number>;
};

/**
 * 机构编制 import: each row's institution is inserted or updated, and its approved quotas replaced by
 * the row's (a blank category has none; a category still holding approved-but-unstaffed hires keeps
 * them, with approved 0 and a warning). Warnings: a parent institution the office does not know, a
 * category whose ledger already holds more persons than the new approved number (over quota).
 */
export const institutionsImporter: SheetImporter<typeof institutionsSheet.columns, StaffingDb> = {
  sheet: institutionsSheet,
  begin(tx, { issue, today }) {
    const audit: AuditRecord[] = [];
    const rowOf = new Map<string, number>();
    const parents = new Map<string, number>();
    const header = (key: keyof Row) => institutionsSheet.columns[key].header;
    return {
      async apply(batch: readonly ParsedRow<Row>[]) {
        const codes = batch.map((p) => p.row.creditCode);
        const beforeRows = await tx.select().from(institutions).where(inArray(institutions.creditCode, codes));
        const beforeQuotas = await tx.select().from(quotas).where(inArray(quotas.institutionCreditCode, codes));
        const snapshot = (code: string): Snapshot | null => {
          const row = beforeRows.find((r) => r.creditCode === code);
          if (!row) return null;
          const own = beforeQuotas.filter((q) => q.institutionCreditCode === code);
          return {
            name: row.name,
            kind: row.kind,
            level: row.level,
            system: row.system,
            fundingForm: row.fundingForm,
            parent: row.parentCreditCode,
            leadershipPosts: row.leadershipPostsApproved,
            quotas: Object.fromEntries(own.map((q) => [q.category, q.approved])),
          };
        };
        await tx
          .insert(institutions)
          .values(
            batch.map(({ row }) => ({
              creditCode: row.creditCode,
              name: row.name,
              kind: row.kind,
              level: row.level,
              system: row.system,
              fundingForm: row.fundingForm,
              parentCreditCode: row.parentCreditCode,
              leadershipPostsApproved: row.leadershipPostsApproved,
            })),
          )
          .onConflictDoUpdate({
            target: institutions.creditCode,
            set: {
              name: sql`excluded.name`,
              kind: sql`excluded.kind`,
              level: sql`excluded.level`,
              system: sql`excluded.system`,
              fundingForm: sql`excluded.funding_form`,
              parentCreditCode: sql`excluded.parent_credit_code`,
              leadershipPostsApproved: sql`excluded.leadership_posts_approved`,
            },
          });
        const wanted = batch.flatMap(({ row }) =>
          QUOTA_COLUMNS.flatMap((category) => {
            const approved = row[category];
            const held = beforeQuotas.find((q) => q.institutionCreditCode === row.creditCode && q.category === category)?.reserved ?? 0;
            return approved === null && held === 0
              ? []
              : [{ institutionCreditCode: row.creditCode, category: category as QuotaCategory, approved: approved ?? 0, reserved: held }];
          }),
        );
        await tx.delete(quotas).where(inArray(quotas.institutionCreditCode, codes));
        if (wanted.length) await tx.insert(quotas).values(wanted);
        for (const change of await syncVacantSince(tx, wanted, today))
          audit.push({ entity: 'Quota', key: `${change.after.institutionCreditCode}/${change.after.category}`, before: change.before, after: change.after });
        for (const { row, rowNumber } of batch) {
          rowOf.set(row.creditCode, rowNumber);
          if (row.parentCreditCode) parents.set(row.parentCreditCode, rowNumber);
          for (const category of QUOTA_COLUMNS) {
            const held = beforeQuotas.find((q) => q.institutionCreditCode === row.creditCode && q.category === category)?.reserved ?? 0;
            if (row[category] === null && held > 0)
              issue({
                severity: 'WARNING',
                row: rowNumber,
                column: header(category),
                value: null,
                message: `该类编制尚有${held}名已审批未入编，核定数记为0并保留占用`,
                messageEn: `${held} approved hires of this category are not yet staffed: approved set to 0, the reservation kept`,
              });
          }
          const after: Snapshot = {
            name: row.name,
            kind: row.kind,
            level: row.level,
            system: row.system,
            fundingForm: row.fundingForm,
            parent: row.parentCreditCode,
            leadershipPosts: row.leadershipPostsApproved,
            quotas: Object.fromEntries(wanted.filter((q) => q.institutionCreditCode === row.creditCode).map((q) => [q.category, q.approved])),
          };
          audit.push({ entity: 'Institution', key: row.creditCode, action: 'IMPORT_REPLACE', before: snapshot(row.creditCode), after });
        }
      },
      async finish() {
        const unknownParents = [...parents.keys()].filter((code) => !rowOf.has(code));
        for (let i = 0; i < unknownParents.length; i += 1000) {
          const chunk = unknownParents.slice(i, i + 1000);
          const known = new Set(
            (await tx.select({ code: institutions.creditCode }).from(institutions).where(inArray(institutions.creditCode, chunk))).map((r) => r.code),
          );
          for (const code of chunk.filter((c) => !known.has(c)))
            issue({
              severity: 'WARNING',
              row: parents.get(code)!,
              column: header('parentCreditCode'),
              value: code,
              message: '上级机构不在编办机构名录中',
              messageEn: 'the parent institution is not among the office’s institutions',
            });
        }
        const codes = [...rowOf.keys()];
        for (let i = 0; i < codes.length; i += 1000) {
          const chunk = codes.slice(i, i + 1000);
          const over = await tx
            .select({
              code: quotas.institutionCreditCode,
              category: quotas.category,
              approved: quotas.approved,
              occupied: sql<number>`count(${ledgerEntries.idNumber})::int`,
            })
            .from(quotas)
            .innerJoin(
              ledgerEntries,
              and(eq(ledgerEntries.institutionCreditCode, quotas.institutionCreditCode), eq(ledgerEntries.quotaCategory, quotas.category)),
            )
            .where(inArray(quotas.institutionCreditCode, chunk))
            .groupBy(quotas.institutionCreditCode, quotas.category, quotas.approved)
            .having(sql`count(${ledgerEntries.idNumber}) > ${quotas.approved}`);
          for (const o of over)
            issue({
              severity: 'WARNING',
              row: rowOf.get(o.code)!,
              column: header(o.category as (typeof QUOTA_COLUMNS)[number]),
              value: String(o.approved),
              message: `超编：台账上已有${o.occupied}人，多于核定数${o.approved}`,
              messageEn: `over quota: ${o.occupied} persons on the ledger, ${o.approved} approved`,
            });
        }
        return audit;
      },
    };
  },
};
