import { eq, sql } from 'drizzle-orm';
import { enqueueMessage } from '@hub/schema';
import type { Degree, Education } from '../generated/enums.ts';
import type { EmploymentRow, HrDb, PersonRow } from './queries.ts';
import { employments, hires, hiringApprovals, outboxMessages, persons } from './schema.ts';

export type HiringApprovalCopyRow = typeof hiringApprovals.$inferSelect;
export type HireRow = typeof hires.$inferSelect;

export interface HireInput {
  approvalFormNumber: string;
  idNumber: string;
  name: string;
  ethnicity: string;
  nativePlace: string;
  politicalStatus: string;
  post: string;
  education: Education | null;
  degree: Degree | null;
  workStartDate: string;
  unitJoinDate: string;
}

export interface HireChange {
  hire: HireRow;
  personBefore: PersonRow | null;
  personAfter: PersonRow;
  employmentBefore: EmploymentRow | null;
  employmentAfter: EmploymentRow;
  approvalBefore: HiringApprovalCopyRow;
  approvalAfter: HiringApprovalCopyRow;
}

/**
 * 聘用登记, in one transaction: HR's copy of the approval is locked and `check` sees it with HR's
 * record of the person and their employment (and may throw, which writes nothing). Then the person's
 * identity is recorded if HR had none (education and degree filled where it had none), the employment
 * becomes IN_QUOTA at the approval's unit from the joining date, the approval counts one more hire,
 * the hire is kept and hr.hireRecorded goes into the outbox for the Staffing Office.
 */
export async function recordHire(
  db: HrDb,
  input: HireInput,
  by: { sub: string; today: string; now: Date },
  check: (approval: HiringApprovalCopyRow | null, person: PersonRow | null, employment: EmploymentRow | null) => void,
): Promise<HireChange> {
  return db.transaction(async (tx) => {
    const [approval] = await tx.select().from(hiringApprovals).where(eq(hiringApprovals.approvalFormNumber, input.approvalFormNumber)).for('update');
    const [person] = await tx.select().from(persons).where(eq(persons.idNumber, input.idNumber)).for('update');
    const [employment] = await tx.select().from(employments).where(eq(employments.idNumber, input.idNumber)).for('update');
    check(approval ?? null, person ?? null, employment ?? null);
    const a = approval!;
    const [personAfter] = person
      ? await tx
          .update(persons)
          .set({ education: person.education ?? input.education, degree: person.degree ?? input.degree })
          .where(eq(persons.idNumber, input.idNumber))
          .returning()
      : await tx
          .insert(persons)
          .values({
            idNumber: input.idNumber,
            name: input.name,
            ethnicity: input.ethnicity,
            nativePlace: input.nativePlace,
            education: input.education,
            degree: input.degree,
          })
          .returning();
    const employed = { institutionCreditCode: a.institutionCreditCode, type: 'IN_QUOTA' as const, since: input.unitJoinDate };
    const [employmentAfter] = await tx
      .insert(employments)
      .values({ idNumber: input.idNumber, ...employed })
      .onConflictDoUpdate({ target: employments.idNumber, set: employed })
      .returning();
    const [approvalAfter] = await tx
      .update(hiringApprovals)
      .set({ hired: sql`${hiringApprovals.hired} + 1` })
      .where(eq(hiringApprovals.approvalFormNumber, a.approvalFormNumber))
      .returning();
    const [hire] = await tx
      .insert(hires)
      .values({
        approvalFormNumber: a.approvalFormNumber,
        idNumber: input.idNumber,
        institutionCreditCode: a.institutionCreditCode,
        category: a.category,
        name: personAfter!.name,
        politicalStatus: input.politicalStatus,
        post: input.post,
        workStartDate: input.workStartDate,
        unitJoinDate: input.unitJoinDate,
        recordedOn: by.today,
        recordedAt: by.now,
        recordedBy: by.sub,
      })
      .returning();
    await enqueueMessage(
      tx,
      outboxMessages,
      'hr.hireRecorded',
      {
        approvalFormNumber: a.approvalFormNumber,
        idNumber: input.idNumber,
        institutionCreditCode: a.institutionCreditCode,
        category: a.category,
        name: personAfter!.name,
        ethnicity: personAfter!.ethnicity,
        nativePlace: personAfter!.nativePlace,
        politicalStatus: input.politicalStatus,
        post: input.post,
        workStartDate: input.workStartDate,
        unitJoinDate: input.unitJoinDate,
      },
      by.now,
    );
    return {
      hire: hire!,
      personBefore: person ?? null,
      personAfter: personAfter!,
      employmentBefore: employment ?? null,
      employmentAfter: employmentAfter!,
      approvalBefore: a,
      approvalAfter: approvalAfter!,
    };
  });
}
