import { insertInChunks } from '@hub/schema';
import type { StaffingDb } from './queries.ts';
import { institutions, ledgerEntries, monthlyRemovalReports, quotas, removals, staffingCards } from './schema.ts';

export interface StaffingSeed {
  institutions: (typeof institutions.$inferInsert)[];
  quotas: (typeof quotas.$inferInsert)[];
  ledgerEntries: (typeof ledgerEntries.$inferInsert)[];
  staffingCards: (typeof staffingCards.$inferInsert)[];
  removals: (typeof removals.$inferInsert)[];
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
    await insertInChunks(data.monthlyRemovalReports ?? [], (c) => tx.insert(monthlyRemovalReports).values(c));
  });
}

export async function isStaffingEmpty(db: StaffingDb): Promise<boolean> {
  return (await db.select({ code: institutions.creditCode }).from(institutions).limit(1)).length === 0;
}
