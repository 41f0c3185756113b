import { ErrorCode, hubError, type AuditRecord, type Viewer } from '@hub/schema';
import type { StaffingContext } from '../context.ts';
import { type MovementChange, type MovementState, moveQuota, type QuotaMovementRow } from '../db/dynamicQueries.ts';
import type { quotaMovements } from '../db/schema.ts';
import { quotaMovementProblem, type QuotaMovementFacts } from '../domain/quotaMovementProblem.ts';
import type { AdminLevel } from '../generated/enums.ts';
import { movementRefusal } from './movementRefusal.ts';

type MovementInput = Omit<typeof quotaMovements.$inferInsert, 'recordedBy' | 'recordedAt'>;

/**
 * What reclaimVacancies, allocateFromPool and transferQuota share: the movement runs in one
 * transaction (db/dynamicQueries.ts moveQuota), the rules of domain/quotaMovementProblem.ts judge the
 * locked figures (`facts` picks what the kind needs; `extraCheck` adds the kind's own refusals), and
 * every row it changed goes to the operation log with the document number as its case number.
 */
export async function runQuotaMovement(
  ctx: StaffingContext,
  viewer: Viewer,
  movement: MovementInput,
  poolLevel: AdminLevel | null,
  facts: (state: MovementState) => Omit<QuotaMovementFacts, 'kind' | 'amount'>,
  extraCheck: (state: MovementState) => void = () => {},
): Promise<MovementChange> {
  // Before the transaction: the movement's row is written first and would refuse the amount itself.
  if (!Number.isInteger(movement.amount) || movement.amount < 1) throw movementRefusal({ code: 'INVALID_AMOUNT' });
  const now = ctx.now();
  const change = await moveQuota(
    ctx.db,
    { ...movement, recordedBy: viewer.sub, recordedAt: now },
    poolLevel,
    (state) => {
      if (state.documentTaken)
        throw hubError(ErrorCode.ALREADY_EXISTS, 'input.documentNumber', '该文号已使用', 'a movement with this document number is already recorded');
      extraCheck(state);
      const problem = quotaMovementProblem({ kind: movement.kind, amount: movement.amount, ...facts(state) });
      if (problem) throw movementRefusal(problem);
    },
    now,
  );
  ctx.audit.push(...movementAudit(change));
  for (const code of [movement.fromCreditCode, movement.toCreditCode]) if (code) ctx.loaders.quotasByInstitution.clear(code);
  for (const { after } of change.ledger) ctx.loaders.ledgerEntryByIdNumber.clear(after.idNumber);
  for (const { after } of change.cards) ctx.loaders.staffingCardsByIdNumber.clear(after.idNumber);
  return change;
}

/** Every row a movement changed, before and after, each carrying the document number and the kind of movement. */
function movementAudit(change: MovementChange): AuditRecord[] {
  const m: QuotaMovementRow = change.movement;
  const tag = { action: m.kind, caseNumber: m.documentNumber, purpose: m.reason };
  const key = (r: { institutionCreditCode: string; category: string }) => `${r.institutionCreditCode}/${r.category}`;
  return [
    { entity: 'QuotaMovement', key: m.documentNumber, before: null, after: m, ...tag },
    ...change.quotas.map((q) => ({ entity: 'Quota', key: key(q.after), before: q.before, after: q.after, ...tag })),
    ...(change.pool ? [{ entity: 'VacancyPool', key: `${change.pool.after.category}/${change.pool.after.level}`, ...change.pool, ...tag }] : []),
    ...change.ledger.map((l) => ({ entity: 'LedgerEntry', key: l.after.idNumber, before: l.before, after: l.after, ...tag })),
    ...change.cards.map((c) => ({ entity: 'StaffingCard', key: c.after.number, before: c.before, after: c.after, ...tag })),
    ...change.cardEvents.map((e) => ({ entity: 'StaffingCardEvent', key: String(e.id), before: null, after: e, ...tag })),
    ...change.messages.map((msg) => ({ entity: 'OutboxMessage', key: msg.id, before: null, after: msg, ...tag })),
  ];
}
