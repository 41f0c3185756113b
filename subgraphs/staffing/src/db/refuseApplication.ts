import { eq } from 'drizzle-orm';
import type { HiringApplicationRow } from './hiringQueries.ts';
import type { StaffingDb } from './queries.ts';
import { hiringApplications } from './schema.ts';

/** 不予批准: the application (locked) is marked REFUSED with the reason; `check` sees it first and may throw, which writes nothing. */
export async function refuseApplication(
  db: StaffingDb,
  id: number,
  decision: { reason: string; at: Date; by: string },
  check: (application: HiringApplicationRow | null) => asserts application is HiringApplicationRow,
): Promise<{ before: HiringApplicationRow; after: HiringApplicationRow }> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(hiringApplications).where(eq(hiringApplications.id, id)).for('update');
    const application = found ?? null;
    check(application);
    const [after] = await tx
      .update(hiringApplications)
      .set({ status: 'REFUSED', refusalReason: decision.reason, decidedAt: decision.at, decidedBy: decision.by })
      .where(eq(hiringApplications.id, id))
      .returning();
    return { before: application, after: after! };
  });
}
