import { inArray } from 'drizzle-orm';
import type { EmploymentRow, HrDb } from './queries.ts';
import { employments } from './schema.ts';

export interface EmploymentMove {
  moved: { before: EmploymentRow; after: EmploymentRow }[];
  /** Already recorded at the target: nothing to do. */
  alreadyThere: string[];
  /** HR has them elsewhere, or not at all: left as they are, for verification to find. */
  notMoved: string[];
}

/**
 * Moves the employment records of persons from one institution to another, from `since` on. Only a
 * record at `from` moves: one HR already has at `to` is left, one elsewhere or missing is reported.
 */
export async function moveEmployments(tx: HrDb, idNumbers: readonly string[], from: string, to: string, since: string): Promise<EmploymentMove> {
  const rows = idNumbers.length
    ? await tx
        .select()
        .from(employments)
        .where(inArray(employments.idNumber, [...idNumbers]))
        .for('update')
    : [];
  const result: EmploymentMove = { moved: [], alreadyThere: [], notMoved: [] };
  const movable = rows.filter((r) => r.institutionCreditCode === from);
  const after = movable.length
    ? await tx
        .update(employments)
        .set({ institutionCreditCode: to, since })
        .where(
          inArray(
            employments.idNumber,
            movable.map((r) => r.idNumber),
          ),
        )
        .returning()
    : [];
  for (const row of after) result.moved.push({ before: movable.find((r) => r.idNumber === row.idNumber)!, after: row });
  for (const id of idNumbers) {
    const row = rows.find((r) => r.idNumber === id);
    if (row?.institutionCreditCode === to) result.alreadyThere.push(id);
    else if (!row || row.institutionCreditCode !== from) result.notMoved.push(id);
  }
  return result;
}
