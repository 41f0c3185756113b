import { and, asc, eq } from 'drizzle-orm';
import { afterKey, type BulkCursor, type BulkPage, bulkPage } from '@hub/schema';
import type { StaffingVerificationDataset } from '../generated/enums.ts';
import type { StaffingDb } from './queries.ts';
import { institutions, ledgerEntries, quotas, removals, staffingCards, stopPayNotices } from './schema.ts';

/**
 * One page of a bulk read for the coordination group's verification, in key order (keyset paging on
 * the primary key or an index, so every page costs the same however far the read has got).
 */
export async function verificationRows(db: StaffingDb, dataset: StaffingVerificationDataset, page: BulkCursor): Promise<BulkPage> {
  const n = page.limit + 1;
  switch (dataset) {
    case 'INSTITUTIONS': {
      const t = institutions;
      const rows = await db
        .select({
          creditCode: t.creditCode,
          name: t.name,
          kind: t.kind,
          level: t.level,
          system: t.system,
          fundingForm: t.fundingForm,
          leadershipPostsApproved: t.leadershipPostsApproved,
          parentCreditCode: t.parentCreditCode,
        })
        .from(t)
        .where(afterKey([t.creditCode], page.after))
        .orderBy(asc(t.creditCode))
        .limit(n);
      return bulkPage(
        rows,
        ['creditCode', 'name', 'kind', 'level', 'system', 'fundingForm', 'leadershipPostsApproved', 'parentCreditCode'],
        ['creditCode'],
        page.limit,
        page.after === null ? await db.$count(t) : null,
      );
    }
    case 'QUOTAS': {
      const t = quotas;
      const rows = await db
        .select({ creditCode: t.institutionCreditCode, category: t.category, approved: t.approved, reserved: t.reserved })
        .from(t)
        .where(afterKey([t.institutionCreditCode, t.category], page.after))
        .orderBy(asc(t.institutionCreditCode), asc(t.category))
        .limit(n);
      return bulkPage(
        rows,
        ['creditCode', 'category', 'approved', 'reserved'],
        ['creditCode', 'category'],
        page.limit,
        page.after === null ? await db.$count(t) : null,
      );
    }
    case 'LEDGER': {
      const t = ledgerEntries;
      const rows = await db
        .select({
          idNumber: t.idNumber,
          creditCode: t.institutionCreditCode,
          category: t.quotaCategory,
          name: t.name,
          staffingCardNumber: t.staffingCardNumber,
        })
        .from(t)
        .where(afterKey([t.idNumber], page.after))
        .orderBy(asc(t.idNumber))
        .limit(n);
      return bulkPage(
        rows,
        ['idNumber', 'creditCode', 'category', 'name', 'staffingCardNumber'],
        ['idNumber'],
        page.limit,
        page.after === null ? await db.$count(t) : null,
      );
    }
    case 'STAFFING_CARDS': {
      const t = staffingCards;
      const rows = await db
        .select({ idNumber: t.idNumber, number: t.number, creditCode: t.institutionCreditCode, category: t.category })
        .from(t)
        .where(and(eq(t.status, 'ACTIVE'), afterKey([t.idNumber, t.number], page.after)))
        .orderBy(asc(t.idNumber), asc(t.number))
        .limit(n);
      return bulkPage(
        rows,
        ['idNumber', 'number', 'creditCode', 'category'],
        ['idNumber', 'number'],
        page.limit,
        page.after === null ? await db.$count(t, eq(t.status, 'ACTIVE')) : null,
      );
    }
    case 'REMOVALS': {
      const t = removals;
      const rows = await db
        .select({ idNumber: t.idNumber, id: t.id, creditCode: t.institutionCreditCode, reason: t.reason, effectiveOn: t.effectiveOn })
        .from(t)
        .where(afterKey([t.idNumber, t.id], page.after))
        .orderBy(asc(t.idNumber), asc(t.id))
        .limit(n);
      return bulkPage(
        rows,
        ['idNumber', 'id', 'creditCode', 'reason', 'effectiveOn'],
        ['idNumber', 'id'],
        page.limit,
        page.after === null ? await db.$count(t) : null,
      );
    }
    case 'STOP_PAY_NOTICES': {
      const t = stopPayNotices;
      const rows = await db
        .select({ idNumber: t.idNumber, number: t.number, creditCode: t.institutionCreditCode, issuedAt: t.issuedAt })
        .from(t)
        .where(afterKey([t.idNumber, t.number], page.after))
        .orderBy(asc(t.idNumber), asc(t.number))
        .limit(n);
      return bulkPage(
        rows,
        ['idNumber', 'number', 'creditCode', 'issuedAt'],
        ['idNumber', 'number'],
        page.limit,
        page.after === null ? await db.$count(t) : null,
      );
    }
  }
}
