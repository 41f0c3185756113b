import { insertInChunks } from '@hub/schema';
import type { HrDb } from './queries.ts';
import { employments, hiringApprovals, insurances, persons } from './schema.ts';

export interface HrSeed {
  persons: (typeof persons.$inferInsert)[];
  employments: (typeof employments.$inferInsert)[];
  insurances: (typeof insurances.$inferInsert)[];
  /** HR's copies of the Staffing Office's open approvals (optional). */
  hiringApprovals?: (typeof hiringApprovals.$inferInsert)[];
}

export async function seedHr(db: HrDb, data: HrSeed): Promise<void> {
  await db.transaction(async (tx) => {
    await insertInChunks(data.persons, (c) => tx.insert(persons).values(c));
    await insertInChunks(data.employments, (c) => tx.insert(employments).values(c));
    await insertInChunks(data.insurances, (c) => tx.insert(insurances).values(c));
    await insertInChunks(data.hiringApprovals ?? [], (c) => tx.insert(hiringApprovals).values(c));
  });
}

export async function isHrEmpty(db: HrDb): Promise<boolean> {
  return (await db.select({ id: persons.idNumber }).from(persons).limit(1)).length === 0;
}
