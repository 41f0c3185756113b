import { and, eq, isNull } from 'drizzle-orm';
import type { InstitutionRow, StaffingDb } from './queries.ts';
import type { UnitFreezeRow } from './hiringQueries.ts';
import { institutions, unitFreezes } from './schema.ts';

/**
 * Takes the institution's row lock for the transaction: `update` for a freeze or an unfreezing,
 * `share` for what a freeze forbids (an application, an approval), so the two never interleave: an
 * approval either sees the freeze or commits before it.
 */
export async function lockInstitution(tx: StaffingDb, creditCode: string, mode: 'update' | 'share'): Promise<InstitutionRow | null> {
  const [row] = await tx.select().from(institutions).where(eq(institutions.creditCode, creditCode)).for(mode);
  return row ?? null;
}

/** The unit's freeze in force, if any (at most one: a partial unique index). */
export async function openFreezeOf(tx: StaffingDb, creditCode: string): Promise<UnitFreezeRow | null> {
  const [row] = await tx
    .select()
    .from(unitFreezes)
    .where(and(eq(unitFreezes.institutionCreditCode, creditCode), isNull(unitFreezes.unfrozenAt)));
  return row ?? null;
}

export interface FreezeChange {
  before: UnitFreezeRow | null;
  after: UnitFreezeRow;
}

/**
 * Freezes (or, with `unfreeze`, unfreezes) a unit's staffing procedures under the institution's lock.
 * `check` sees the institution and its freeze in force and may throw, which writes nothing.
 */
export async function changeFreeze(
  db: StaffingDb,
  creditCode: string,
  change:
    | { kind: 'FREEZE'; at: Date; by: string; reason: string; documentNumber: string }
    | { kind: 'UNFREEZE'; at: Date; by: string; reason: string; documentNumber: string },
  check: (institution: InstitutionRow | null, open: UnitFreezeRow | null) => void,
): Promise<FreezeChange> {
  return db.transaction(async (tx) => {
    const institution = await lockInstitution(tx, creditCode, 'update');
    const open = institution ? await openFreezeOf(tx, creditCode) : null;
    check(institution, open);
    if (change.kind === 'FREEZE') {
      const [after] = await tx
        .insert(unitFreezes)
        .values({ institutionCreditCode: creditCode, frozenAt: change.at, frozenBy: change.by, reason: change.reason, documentNumber: change.documentNumber })
        .returning();
      return { before: null, after: after! };
    }
    const [after] = await tx
      .update(unitFreezes)
      .set({ unfrozenAt: change.at, unfrozenBy: change.by, unfreezeReason: change.reason, unfreezeDocumentNumber: change.documentNumber })
      .where(eq(unitFreezes.id, open!.id))
      .returning();
    return { before: open, after: after! };
  });
}
