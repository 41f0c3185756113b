import { count } from 'drizzle-orm';
import { loadDefaultCatalog, type CatalogEntryDefinition } from '@hub/schema/contracts';
import { addMissingDefaults, type CatalogDb } from './queries.ts';
import { catalogEntries } from './schema.ts';
import { addStandingGrants } from './addStandingGrants.ts';

/** The catalog's seed is the default catalog file (schema/catalog.json), or the entries a test gives. */
export type CatalogSeed = CatalogEntryDefinition[];

export async function isCatalogEmpty(db: CatalogDb): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(catalogEntries);
  return row!.n === 0;
}

/** Loads the given entries into an empty catalog. */
export async function seedCatalog(db: CatalogDb, entries: CatalogSeed): Promise<void> {
  await addMissingDefaults(db, entries, 'system:seed');
}

/**
 * At every start: the default catalog's entries and items the database lacks are added (for fields the
 * graph has gained), so a new field is not refused to everyone; entries already there are never overwritten.
 */
export async function addDefaultCatalog(db: CatalogDb): Promise<void> {
  await addMissingDefaults(db, loadDefaultCatalog(), 'system:default-catalog');
  await addStandingGrants(db);
}
