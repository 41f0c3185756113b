import { insertInChunks } from '@hub/schema';
import type { OrganizationDb } from './queries.ts';
import { cadres, pastCadrePosts } from './schema.ts';

export interface OrganizationSeed {
  cadres: (typeof cadres.$inferInsert)[];
  /** Posts cadres held and left (leadership-post vacancies are dated from them). */
  pastCadrePosts?: (typeof pastCadrePosts.$inferInsert)[];
}

export async function seedOrganization(db: OrganizationDb, data: OrganizationSeed): Promise<void> {
  await db.transaction(async (tx) => {
    await insertInChunks(data.cadres, (c) => tx.insert(cadres).values(c));
    await insertInChunks(data.pastCadrePosts ?? [], (c) => tx.insert(pastCadrePosts).values(c));
  });
}

export async function isOrganizationEmpty(db: OrganizationDb): Promise<boolean> {
  return (await db.select({ id: cadres.idNumber }).from(cadres).limit(1)).length === 0;
}
