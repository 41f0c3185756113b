import type { MessageHandler } from '@hub/schema';
import type { MessagePayloads } from '@hub/schema/contracts';
import { movePayrollRecords } from '../db/movePayrollRecords.ts';
import type { FinanceDb } from '../db/queries.ts';

/**
 * 人随编走, Finance's side: the Staffing Office moved persons with their quota to another institution,
 * so their payroll records are paid through it from now on. Finance writes only its own table;
 * persons it pays elsewhere, or under another ID number, are left and named in the result.
 */
export const personsTransferred: MessageHandler<FinanceDb> = async (tx, message) => {
  const p = message.payload as MessagePayloads['staffing.personsTransferred'];
  const move = await movePayrollRecords(tx, p.idNumbers, p.fromInstitutionCreditCode, p.toInstitutionCreditCode);
  return {
    result: { documentNumber: p.documentNumber, moved: move.moved.map((m) => m.after.idNumber), alreadyThere: move.alreadyThere, notMoved: move.notMoved },
    audit: move.moved.map((m) => ({
      entity: 'PayrollRecord',
      key: m.after.idNumber,
      before: m.before,
      after: m.after,
      action: 'PERSONS_TRANSFERRED',
      caseNumber: p.documentNumber,
    })),
  };
};
