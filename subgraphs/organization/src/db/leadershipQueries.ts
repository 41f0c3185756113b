import { and, asc, eq } from 'drizzle-orm';
import { anyOf } from '@hub/schema';
import type { CadreRow, OrganizationDb } from './queries.ts';
import { cadres, pastCadrePosts } from './schema.ts';

/** The Organization Department's queries of leadership-post occupancy over time (领导职数配备). */

export type PastCadrePostRow = typeof pastCadrePosts.$inferSelect;

/** Past leadership posts of several institutions, for the vacancy timeline. */
export const pastLeadershipPostsByInstitutions = (db: OrganizationDb, codes: readonly string[]) =>
  db
    .select()
    .from(pastCadrePosts)
    .where(and(anyOf(pastCadrePosts.institutionCreditCode, codes), eq(pastCadrePosts.leadership, true)))
    .orderBy(asc(pastCadrePosts.leftOn), asc(pastCadrePosts.id));

/**
 * 免职: a cadre leaves their post. The current record moves to the past posts, in one transaction;
 * `check` sees the record (locked) first and may throw, which writes nothing.
 */
export async function endCadrePost(
  db: OrganizationDb,
  idNumber: string,
  ending: Pick<PastCadrePostRow, 'leftOn' | 'documentNumber' | 'reason'>,
  check: (cadre: CadreRow | undefined) => asserts cadre is CadreRow,
): Promise<{ before: CadreRow; after: PastCadrePostRow }> {
  return db.transaction(async (tx) => {
    const [cadre] = await tx.select().from(cadres).where(eq(cadres.idNumber, idNumber)).for('update');
    check(cadre);
    await tx.delete(cadres).where(eq(cadres.idNumber, idNumber));
    const [after] = await tx
      .insert(pastCadrePosts)
      .values({ ...cadre, ...ending })
      .returning();
    return { before: cadre, after: after! };
  });
}
