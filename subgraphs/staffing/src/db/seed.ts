import { sql } from 'drizzle-orm';
import { insertInChunks } from '@hub/schema';
import type { StaffingDb } from './queries.ts';
import {
  documentCounters,
  hiringApplications,
  hiringApprovals,
  institutions,
  ledgerEntries,
  monthlyRemovalReports,
  quotas,
  removals,
  staffingCards,
} from './schema.ts';

export interface StaffingSeed {
  institutions: (typeof institutions.$inferInsert)[];
  quotas: (typeof quotas.$inferInsert)[];
  ledgerEntries: (typeof ledgerEntries.$inferInsert)[];
  staffingCards: (typeof staffingCards.$inferInsert)[];
  removals: (typeof removals.$inferInsert)[];
  /** Hiring in progress (optional: a city may have none). */
  hiringApplications?: (typeof hiringApplications.$inferInsert)[];
  hiringApprovals?: (typeof hiringApprovals.$inferInsert)[];
  documentCounters?: (typeof documentCounters.$inferInsert)[];
  /** Units' monthly removal reports already on file (人员核减月报). */
  monthlyRemovalReports?: (typeof monthlyRemovalReports.$inferInsert)[];
}

export async function seedStaffing(db: StaffingDb, data: StaffingSeed): Promise<void> {
  await db.transaction(async (tx) => {
    await insertInChunks(data.institutions, (c) => tx.insert(institutions).values(c));
    await insertInChunks(data.quotas, (c) => tx.insert(quotas).values(c));
    await insertInChunks(data.ledgerEntries, (c) => tx.insert(ledgerEntries).values(c));
    await insertInChunks(data.staffingCards, (c) => tx.insert(staffingCards).values(c));
    await insertInChunks(data.removals, (c) => tx.insert(removals).values(c));
    await insertInChunks(data.hiringApplications ?? [], (c) => tx.insert(hiringApplications).values(c));
    await insertInChunks(data.hiringApprovals ?? [], (c) => tx.insert(hiringApprovals).values(c));
    await insertInChunks(data.documentCounters ?? [], (c) => tx.insert(documentCounters).values(c));
    // Applications come with their ids (approvals name them): the next one the office files follows them.
    if (data.hiringApplications?.length)
      await tx.execute(sql`select setval(pg_get_serial_sequence('staffing.hiring_applications', 'id'), (select max(id) from staffing.hiring_applications))`);
    await insertInChunks(data.monthlyRemovalReports ?? [], (c) => tx.insert(monthlyRemovalReports).values(c));
  });
}

export async function isStaffingEmpty(db: StaffingDb): Promise<boolean> {
  return (await db.select({ code: institutions.creditCode }).from(institutions).limit(1)).length === 0;
}
