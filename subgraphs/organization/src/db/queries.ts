import { asc } from 'drizzle-orm';
import { anyOf } from '@hub/schema';
import type { Db } from '@hub/schema';
import type * as tables from './schema.ts';
import { cadres } from './schema.ts';

export type OrganizationDb = Db<typeof tables>;
export type CadreRow = typeof cadres.$inferSelect;

export const cadresByIdNumbers = (db: OrganizationDb, ids: readonly string[]) => db.select().from(cadres).where(anyOf(cadres.idNumber, ids));

export const cadresByInstitutions = (db: OrganizationDb, codes: readonly string[]) =>
  db.select().from(cadres).where(anyOf(cadres.institutionCreditCode, codes)).orderBy(asc(cadres.appointedOn), asc(cadres.idNumber));
