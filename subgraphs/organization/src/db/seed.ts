import { insertInChunks } from '@hub/schema';
import type { OrganizationDb } from './queries.ts';
import { cadres } from './schema.ts';

export interface OrganizationSeed {
  cadres: (typeof cadres.$inferInsert)[];
}

export async function seedOrganization(db: OrganizationDb, data: OrganizationSeed): Promise<void> {
  await db.transaction(async (tx) => {
    await insertInChunks(data.cadres, (c) => tx.insert(cadres).values(c));
  });
}

export async function isOrganizationEmpty(db: OrganizationDb): Promise<boolean> {
  return (await db.select({ id: cadres.idNumber }).from(cadres).limit(1)).length === 0;
}
