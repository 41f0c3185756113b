import type { CatalogSnapshot, CatalogSource } from '@hub/schema/contracts';
import { entriesWithItems, unrevokedGrants, type CatalogDb } from './db/queries.ts';

/** The snapshot enforcement needs, read from the catalog's own tables (three statements). */
export async function readCatalogSnapshot(db: CatalogDb): Promise<CatalogSnapshot> {
  const [entries, grants] = await Promise.all([entriesWithItems(db), unrevokedGrants(db)]);
  return {
    entries: [...entries.values()].map((e) => ({
      code: e.code,
      name: e.name,
      providerOffice: e.providerOffice,
      shareType: e.shareType,
      open: e.open,
      status: e.status,
      basis: e.basis,
      coordinates: e.items.map((i) => i.coordinate),
    })),
    grants: grants.map((g) => ({ id: g.id, granteeOffice: g.granteeOffice, coordinates: g.coordinates, expiresAt: g.expiresAt, revokedAt: g.revokedAt })),
  };
}

/** The catalog as a source for a gateway in the same process (the one-process hub). */
export const catalogSource = (db: CatalogDb): CatalogSource => ({ load: () => readCatalogSnapshot(db) });
