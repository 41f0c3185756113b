import { beijingDay, ErrorCode, forbiddenUnit, hubError, inUnitScope, requireIdNumber, requireWriter } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { removeFromLedger } from '../db/removalQueries.ts';
import { removalDateProblem } from '../domain/removalDate.ts';
import { STOP_PAY_SERIES, stopFromMonth, stopPayNoticeNumber } from '../domain/stopPayNotice.ts';
import type { MutationReportRemovalArgs } from '../generated/resolvers.ts';

const DATE_TEXT = {
  FORMAT: ['生效日期应为真实日期（YYYY-MM-DD）', 'the effective date must be a real date (YYYY-MM-DD)'],
  FUTURE: ['生效日期不能晚于今天', 'the effective date cannot be after today'],
  BEFORE_JOINING: ['生效日期不能早于调入单位时间', 'the effective date cannot be before the person joined the unit'],
} as const;

/**
 * 人员核减: a unit reports that a person left the quota (DESIGN §3.3). A unit operator reports only
 * for its own unit; the Staffing Office's writers for any unit. All checks run before anything is
 * written, inside the transaction that takes the ledger entry, so a refusal writes nothing. The same
 * transaction issues the stop-pay notice (停拨工资通知) and puts the message that carries it to
 * Finance in the outbox; the gateway's relay delivers it right after this answer.
 */
export async function reportRemoval(_: unknown, { input }: MutationReportRemovalArgs, ctx: StaffingContext) {
  const viewer = requireWriter(ctx.viewer, 'staffing', 'reportRemoval', { unitRows: true });
  const issuedAt = ctx.now();
  const today = beijingDay(issuedAt);
  const { idNumber } = requireIdNumber(input.idNumber, 'input.idNumber', today);
  // Numbered in the year of issue (Beijing): 停拨〔2026〕00001号.
  const year = Number(today.slice(0, 4));
  const terms = {
    series: STOP_PAY_SERIES,
    year,
    numberOf: (serial: number) => stopPayNoticeNumber(year, serial),
    stopFromMonth: stopFromMonth(input.effectiveOn),
    issuedAt,
  };
  const change = await removeFromLedger(ctx.db, { idNumber, reason: input.reason, effectiveOn: input.effectiveOn, reportedOn: today }, terms, (entry) => {
    if (!entry)
      throw hubError(ErrorCode.NOT_FOUND, 'input.idNumber', '此人不在实名制台账上', 'this person is not on the real-name ledger', { reason: 'NOT_ON_LEDGER' });
    if (!inUnitScope(viewer, entry.institutionCreditCode)) throw forbiddenUnit('input.idNumber');
    const problem = removalDateProblem(input.effectiveOn, today, entry.unitJoinDate);
    if (problem) {
      const [zh, en] = DATE_TEXT[problem];
      throw hubError(ErrorCode.INVALID_ARGUMENT, 'input.effectiveOn', zh, en, { reason: `EFFECTIVE_DATE_${problem}` });
    }
  });
  const { notice } = change;
  // Every row is logged under the notice's number, the document the removal is done under.
  const tag = { caseNumber: notice.number };
  ctx.audit.push(
    { entity: 'LedgerEntry', key: idNumber, before: change.ledgerBefore, after: null, action: 'REMOVE_FROM_LEDGER', ...tag },
    ...change.cardsAfter.map((after) => ({
      entity: 'StaffingCard',
      key: after.number,
      before: change.cardsBefore.find((c) => c.number === after.number) ?? null,
      after,
      action: 'CANCEL_CARD',
      ...tag,
    })),
    ...change.cardEvents.map((event) => ({ entity: 'StaffingCardEvent', key: String(event.id), before: null, after: event, action: 'CANCEL_CARD', ...tag })),
    ...change.quotasChanged.map((q) => ({
      entity: 'Quota',
      key: `${q.after.institutionCreditCode}/${q.after.category}`,
      before: q.before,
      after: q.after,
      action: 'VACANT_SINCE',
      ...tag,
    })),
    { entity: 'Removal', key: String(change.removal.id), before: null, after: { ...change.removal, stopPayNoticeNumber: notice.number }, ...tag },
    { entity: 'StopPayNotice', key: notice.number, before: null, after: notice, action: 'ISSUE_STOP_PAY_NOTICE', ...tag },
  );
  ctx.loaders.ledgerEntryByIdNumber.clear(idNumber);
  ctx.loaders.removalsByIdNumber.clear(idNumber);
  ctx.loaders.staffingCardsByIdNumber.clear(idNumber);
  return { removal: change.removal };
}
