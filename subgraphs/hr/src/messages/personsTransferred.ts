import type { MessageHandler } from '@hub/schema';
import type { MessagePayloads } from '@hub/schema/contracts';
import { moveEmployments } from '../db/moveEmployments.ts';
import type { HrDb } from '../db/queries.ts';

/**
 * 人随编走, HR's side: the Staffing Office moved persons with their quota to another institution, so
 * their employment records move there from the transfer's day. HR writes only its own table; persons
 * HR has elsewhere are left and named in the result (a difference verification will find).
 */
export const personsTransferred: MessageHandler<HrDb> = async (tx, message) => {
  const p = message.payload as MessagePayloads['staffing.personsTransferred'];
  const move = await moveEmployments(tx, p.idNumbers, p.fromInstitutionCreditCode, p.toInstitutionCreditCode, p.effectiveOn);
  return {
    result: { documentNumber: p.documentNumber, moved: move.moved.map((m) => m.after.idNumber), alreadyThere: move.alreadyThere, notMoved: move.notMoved },
    audit: move.moved.map((m) => ({
      entity: 'Employment',
      key: m.after.idNumber,
      before: m.before,
      after: m.after,
      action: 'PERSONS_TRANSFERRED',
      caseNumber: p.documentNumber,
    })),
  };
};
