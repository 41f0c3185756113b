import { asc } from 'drizzle-orm';
import { anyOfKeys, preparedByKeys, preparedByKeysOf } from '@hub/schema';
import type { Db } from '@hub/schema';
import type * as tables from './schema.ts';
import { cadres } from './schema.ts';

export type OrganizationDb = Db<typeof tables>;
export type CadreRow = typeof cadres.$inferSelect;

/**
 * Prepared once per database and column set (the kit's preparedByKeysOf): a Roster's `_entities` asks it
 * for 808 persons at once, reading the columns its selection needs (Cadre.ts, cadreColumns).
 */
export const cadresByIdNumbers = preparedByKeysOf('organization_cadres_by_id_numbers', cadres, cadres.idNumber);

/** An institution's cadres (a Roster's leadershipPostsFilled), prepared once per database: unprepared, postgres.js spends a round trip describing it first. */
export const cadresByInstitutions = preparedByKeys('organization_cadres_by_institutions', (db: OrganizationDb) =>
  db.select().from(cadres).where(anyOfKeys(cadres.institutionCreditCode)).orderBy(asc(cadres.appointedOn), asc(cadres.idNumber)),
);
