import { beijingDay, ErrorCode, hubError, requireCreditCode, requireIdNumber, requireWriter } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import type { MovementState } from '../db/dynamicQueries.ts';
import type { MutationTransferQuotaArgs } from '../generated/resolvers.ts';
import { requireText } from './requireText.ts';
import { runQuotaMovement } from './runQuotaMovement.ts';

/**
 * 编制划转 (编随事走): quota moves from one institution to another, of the same level or another, by
 * a document of the Staffing Office; with `idNumbers`, persons of the source's ledger move with it
 * (人随编走): their ledger entries and active cards go to the target (the card keeps its number and
 * gets a TRANSFERRED event with the document number), and HR and Finance are told by message, in the
 * same transaction, to move the employment and payroll records. The source keeps at least what it
 * uses (OVER_QUOTA), the persons need room at the target (NO_VACANCY), a level change keeps the
 * receiving level within its ceiling (REGION_CEILING_EXCEEDED); the region's total is unchanged.
 */
export async function transferQuota(_: unknown, { input }: MutationTransferQuotaArgs, ctx: StaffingContext) {
  const viewer = requireWriter(ctx.viewer, 'staffing', 'transferQuota');
  const today = beijingDay(ctx.now());
  const fromCreditCode = requireCreditCode(input.fromCreditCode, 'input.fromCreditCode');
  const toCreditCode = requireCreditCode(input.toCreditCode, 'input.toCreditCode');
  if (fromCreditCode === toCreditCode)
    throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.toCreditCode', '划入单位不能与划出单位相同', 'the receiving institution must differ from the giving one');
  const documentNumber = requireText(input.documentNumber, 'input.documentNumber', '文号', 'document number');
  const reason = requireText(input.reason, 'input.reason', '事由', 'reason');
  const idNumbers = input.idNumbers.map((raw, i) => requireIdNumber(raw, `input.idNumbers[${i}]`, today).idNumber);
  const twice = idNumbers.findIndex((id, i) => idNumbers.indexOf(id) !== i);
  if (twice >= 0) throw hubError(ErrorCode.INVALID_ARGUMENT, `input.idNumbers[${twice}]`, '同一人列了两次', 'the same person is listed twice');
  const [from, to] = await Promise.all([ctx.loaders.institutionByCreditCode.load(fromCreditCode), ctx.loaders.institutionByCreditCode.load(toCreditCode)]);
  if (!from) throw hubError(ErrorCode.NOT_FOUND, 'input.fromCreditCode', '划出单位不存在', 'no institution has the giving credit code');
  if (!to) throw hubError(ErrorCode.NOT_FOUND, 'input.toCreditCode', '划入单位不存在', 'no institution has the receiving credit code');
  const personsOnSourceLedger = (state: MovementState) => {
    idNumbers.forEach((id, i) => {
      const entry = state.persons.find((p) => p.idNumber === id);
      if (!entry || entry.institutionCreditCode !== fromCreditCode || entry.quotaCategory !== input.category) {
        throw hubError(
          ErrorCode.INVALID_ARGUMENT,
          `input.idNumbers[${i}]`,
          '此人不在划出单位该类编制的台账上',
          'this person is not on the giving institution’s ledger in this category',
          {
            reason: 'NOT_ON_SOURCE_LEDGER',
          },
        );
      }
    });
  };
  const change = await runQuotaMovement(
    ctx,
    viewer,
    {
      documentNumber,
      kind: 'TRANSFER',
      category: input.category,
      amount: input.amount,
      fromCreditCode,
      toCreditCode,
      fromLevel: from.level,
      toLevel: to.level,
      reason,
      effectiveOn: today,
      personIdNumbers: idNumbers,
    },
    null,
    (state) => ({ source: state.source, target: state.target, moving: idNumbers.length, receivingLevel: state.receivingLevel }),
    personsOnSourceLedger,
  );
  return { movement: change.movement };
}
