import { and, asc, between, count, eq, isNull, lte, max, or } from 'drizzle-orm';
import { anyOf } from '@hub/schema';
import type { InstitutionRow, StaffingDb } from './queries.ts';
import { institutions, monthlyRemovalReports, removals } from './schema.ts';

export type MonthlyRemovalReportRow = typeof monthlyRemovalReports.$inferSelect;

export interface ReportSubmission {
  institutionCreditCode: string;
  month: string;
  /** The month's first and last day: the removals effective between them are the month's. */
  firstDay: string;
  lastDay: string;
  submittedAt: Date;
  submittedBy: string;
}

/**
 * Records a unit's monthly report with the number of its removals effective in the month, in one
 * transaction. A unit reports a month once: when it already has, nothing is written and the report
 * on file comes back as `existing`.
 */
export async function insertMonthlyRemovalReport(
  db: StaffingDb,
  submission: ReportSubmission,
): Promise<{ inserted: MonthlyRemovalReportRow | null; existing: MonthlyRemovalReportRow | null }> {
  return db.transaction(async (tx) => {
    const [counted] = await tx
      .select({ n: count() })
      .from(removals)
      .where(and(eq(removals.institutionCreditCode, submission.institutionCreditCode), between(removals.effectiveOn, submission.firstDay, submission.lastDay)));
    const [inserted] = await tx
      .insert(monthlyRemovalReports)
      .values({
        institutionCreditCode: submission.institutionCreditCode,
        month: submission.month,
        removalCount: counted?.n ?? 0,
        submittedAt: submission.submittedAt,
        submittedBy: submission.submittedBy,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted) return { inserted, existing: null };
    const [existing] = await tx
      .select()
      .from(monthlyRemovalReports)
      .where(and(eq(monthlyRemovalReports.institutionCreditCode, submission.institutionCreditCode), eq(monthlyRemovalReports.month, submission.month)));
    return { inserted: null, existing: existing ?? null };
  });
}

/** Reports by (unit, month) keys, for the loader. */
export const monthlyRemovalReportsByKeys = (db: StaffingDb, keys: readonly { institutionCreditCode: string; month: string }[]) =>
  db
    .select()
    .from(monthlyRemovalReports)
    .where(or(...keys.map((k) => and(eq(monthlyRemovalReports.institutionCreditCode, k.institutionCreditCode), eq(monthlyRemovalReports.month, k.month)))));

/** The latest month each unit has reported. */
export const latestReportedMonthsByInstitutions = (db: StaffingDb, codes: readonly string[]) =>
  db
    .select({ institutionCreditCode: monthlyRemovalReports.institutionCreditCode, month: max(monthlyRemovalReports.month) })
    .from(monthlyRemovalReports)
    .where(anyOf(monthlyRemovalReports.institutionCreditCode, codes))
    .groupBy(monthlyRemovalReports.institutionCreditCode);

export interface UnreportedFilter {
  month: string;
  /** The month's end: a unit registered after it owed no report for it. */
  monthEnd: Date;
  /** Only this unit (a unit operator's scope). */
  unit: string | null;
}

const unreportedWhere = (filter: UnreportedFilter) =>
  and(
    isNull(monthlyRemovalReports.month),
    lte(institutions.createdAt, filter.monthEnd),
    filter.unit === null ? undefined : eq(institutions.creditCode, filter.unit),
  );

const reportOfMonth = (month: string) => and(eq(monthlyRemovalReports.institutionCreditCode, institutions.creditCode), eq(monthlyRemovalReports.month, month));

/** Units with no report for the month, by credit code. */
export async function unreportedInstitutions(db: StaffingDb, filter: UnreportedFilter, limit: number, offset: number): Promise<InstitutionRow[]> {
  const rows = await db
    .select({ institution: institutions })
    .from(institutions)
    .leftJoin(monthlyRemovalReports, reportOfMonth(filter.month))
    .where(unreportedWhere(filter))
    .orderBy(asc(institutions.creditCode))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => r.institution);
}

export async function countUnreportedInstitutions(db: StaffingDb, filter: UnreportedFilter): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(institutions)
    .leftJoin(monthlyRemovalReports, reportOfMonth(filter.month))
    .where(unreportedWhere(filter));
  return row?.total ?? 0;
}
