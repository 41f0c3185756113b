import type { StopPayNoticeResolvers } from '../generated/resolvers.ts';
import type { StopPayOutcome } from '../generated/enums.ts';
import { waitingSeconds } from '../domain/stopPayNotice.ts';
import { ownInstitution } from './ownInstitution.ts';

const OUTCOMES: readonly StopPayOutcome[] = ['STOPPED', 'ALREADY_STOPPED', 'NOT_ON_PAYROLL', 'REJECTED'];

/** A notice's delivery is its outbox message's; Finance's answer (the inbox handler's result) names the outcome. */
export const StopPayNotice: StopPayNoticeResolvers = {
  person: (row) => ({ idNumber: row.idNumber }),
  institution: (row, _, ctx) => ownInstitution(ctx, row.institutionCreditCode),
  delivered: (row) => row.deliveredAt !== null,
  deliveryAttempts: (row) => row.attempts,
  nextAttemptAt: (row) => (row.deliveredAt ? null : row.nextAttemptAt),
  waitingSeconds: (row, _, ctx) => waitingSeconds(row.issuedAt, row.deliveredAt, ctx.now()),
  outcome: (row) => {
    const outcome = (row.result as { outcome?: unknown } | null)?.outcome;
    return OUTCOMES.find((o) => o === outcome) ?? null;
  },
};
