import type { HiringApplicationRow } from './hiringQueries.ts';
import type { InstitutionRow, StaffingDb } from './queries.ts';
import { hiringApplications } from './schema.ts';
import { lockInstitution, openFreezeOf } from './unitFreezes.ts';

/**
 * Files a hiring application (PENDING) under the institution's share lock: `check` sees the
 * institution and whether it is frozen and may throw, which writes nothing.
 */
export async function insertHiringApplication(
  db: StaffingDb,
  application: Omit<typeof hiringApplications.$inferInsert, 'id' | 'status'>,
  check: (institution: InstitutionRow | null, frozen: boolean) => void,
): Promise<HiringApplicationRow> {
  return db.transaction(async (tx) => {
    const institution = await lockInstitution(tx, application.institutionCreditCode, 'share');
    check(institution, institution ? (await openFreezeOf(tx, application.institutionCreditCode)) !== null : false);
    const [row] = await tx
      .insert(hiringApplications)
      .values({ ...application, status: 'PENDING' })
      .returning();
    return row!;
  });
}
