import { inScopeSql } from '@hub/schema';
import { and, count, eq } from 'drizzle-orm';
import type { OrganizationDb } from './queries.ts';
import { cadres } from './schema.ts';

/** 领导职数实配数 of each of the scope's institutions that has any: one GROUP BY. */
export const filledLeadershipRows = (db: OrganizationDb, creditCodes: readonly string[]) =>
  db
    .select({ creditCode: cadres.institutionCreditCode, filled: count() })
    .from(cadres)
    .where(and(inScopeSql(cadres.institutionCreditCode, creditCodes), eq(cadres.leadership, true)))
    .groupBy(cadres.institutionCreditCode);
