import { and, asc, count, desc, eq, inArray, isNull, lt, lte, type SQL } from 'drizzle-orm';
import { anyOf } from '@hub/schema';
import type { HiringApplicationStatus } from '../generated/enums.ts';
import type { StaffingDb } from './queries.ts';
import { hiringApplications, hiringApprovals, hiringApprovalUses, staffingCardEvents, staffingCards, unitFreezes } from './schema.ts';

/** Reads of hiring, cards and freezes, each by key in one statement for the request's DataLoaders, or one page of a list. */
export type HiringApplicationRow = typeof hiringApplications.$inferSelect;
export type HiringApprovalRow = typeof hiringApprovals.$inferSelect;
export type HiringApprovalUseRow = typeof hiringApprovalUses.$inferSelect;
export type StaffingCardEventRow = typeof staffingCardEvents.$inferSelect;
export type UnitFreezeRow = typeof unitFreezes.$inferSelect;

export const hiringApplicationsByIds = (db: StaffingDb, ids: readonly number[]) =>
  db
    .select()
    .from(hiringApplications)
    .where(inArray(hiringApplications.id, [...ids]));

export const hiringApprovalsByFormNumbers = (db: StaffingDb, numbers: readonly string[]) =>
  db.select().from(hiringApprovals).where(anyOf(hiringApprovals.approvalFormNumber, numbers));

export const hiringApprovalsByApplicationIds = (db: StaffingDb, ids: readonly number[]) =>
  db
    .select()
    .from(hiringApprovals)
    .where(inArray(hiringApprovals.applicationId, [...ids]));

export const hiringApprovalUsesByFormNumbers = (db: StaffingDb, numbers: readonly string[]) =>
  db
    .select()
    .from(hiringApprovalUses)
    .where(anyOf(hiringApprovalUses.approvalFormNumber, numbers))
    .orderBy(asc(hiringApprovalUses.reportedAt), asc(hiringApprovalUses.idNumber));

export const staffingCardsByNumbers = (db: StaffingDb, numbers: readonly string[]) =>
  db.select().from(staffingCards).where(anyOf(staffingCards.number, numbers));

export const staffingCardEventsByCardNumbers = (db: StaffingDb, numbers: readonly string[]) =>
  db.select().from(staffingCardEvents).where(anyOf(staffingCardEvents.cardNumber, numbers)).orderBy(asc(staffingCardEvents.id));

/** Each unit's freezes, newest first. */
export const unitFreezesByInstitutions = (db: StaffingDb, codes: readonly string[]) =>
  db.select().from(unitFreezes).where(anyOf(unitFreezes.institutionCreditCode, codes)).orderBy(desc(unitFreezes.id));

export interface ApplicationFilter {
  status?: HiringApplicationStatus | null;
  /** One unit's (a filter, or a unit operator's scope). */
  institutionCreditCode?: string | null;
}

const applicationWhere = (f: ApplicationFilter): SQL | undefined =>
  and(
    f.status ? eq(hiringApplications.status, f.status) : undefined,
    f.institutionCreditCode != null ? eq(hiringApplications.institutionCreditCode, f.institutionCreditCode) : undefined,
  );

export const listHiringApplications = (db: StaffingDb, filter: ApplicationFilter, limit: number, offset: number) =>
  db.select().from(hiringApplications).where(applicationWhere(filter)).orderBy(desc(hiringApplications.id)).limit(limit).offset(offset);

export async function countHiringApplications(db: StaffingDb, filter: ApplicationFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(hiringApplications).where(applicationWhere(filter));
  return row?.total ?? 0;
}

/**
 * Approvals still open (not withdrawn, not used up) that were approved on or before `approvedOnOrBefore`:
 * the ones 跟踪问效 lists, oldest first; `institutionCreditCode` limits them to one unit.
 */
const unusedWhere = (approvedOnOrBefore: string, institutionCreditCode: string | null) =>
  and(
    isNull(hiringApprovals.withdrawnOn),
    lt(hiringApprovals.used, hiringApprovals.persons),
    lte(hiringApprovals.approvedOn, approvedOnOrBefore),
    institutionCreditCode != null ? eq(hiringApprovals.institutionCreditCode, institutionCreditCode) : undefined,
  );

export const listUnusedHiringApprovals = (db: StaffingDb, approvedOnOrBefore: string, institutionCreditCode: string | null, limit: number, offset: number) =>
  db
    .select()
    .from(hiringApprovals)
    .where(unusedWhere(approvedOnOrBefore, institutionCreditCode))
    .orderBy(asc(hiringApprovals.approvedOn), asc(hiringApprovals.approvalFormNumber))
    .limit(limit)
    .offset(offset);

export async function countUnusedHiringApprovals(db: StaffingDb, approvedOnOrBefore: string, institutionCreditCode: string | null): Promise<number> {
  const [row] = await db.select({ total: count() }).from(hiringApprovals).where(unusedWhere(approvedOnOrBefore, institutionCreditCode));
  return row?.total ?? 0;
}
