import type { QuotaMovementKind } from '../generated/enums.ts';

/** A quota's figures as a movement finds them (locked), persons on the ledger counted. */
export interface QuotaState {
  approved: number;
  occupied: number;
  reserved: number;
}

export interface QuotaMovementFacts {
  kind: QuotaMovementKind;
  amount: number;
  /** The giving institution's quota of the category (reclaim, transfer); null when it has none. */
  source?: QuotaState | null;
  /** The receiving institution's quota (allocation, transfer); null when it has none yet (it starts at 0). */
  target?: QuotaState | null;
  /** Persons moving with the quota (人随编走, transfers only): they leave the source's occupied and join the target's. */
  moving?: number;
  /** What the pool of the giving level holds (allocation). */
  pool?: number;
  /** Only when the movement changes level: the receiving level's total of the category and its ceiling, if any. */
  receivingLevel?: { total: number; ceiling: number | null } | null;
}

/** The rule a movement would break: `limit` is what the rule allows, `actual` what was asked. */
export type QuotaMovementProblem =
  | { code: 'INVALID_AMOUNT' }
  | { code: 'NO_QUOTA' }
  | { code: 'NO_VACANCY'; side: 'SOURCE' | 'TARGET'; limit: number; actual: number }
  | { code: 'OVER_QUOTA'; limit: number; actual: number }
  | { code: 'POOL_INSUFFICIENT'; limit: number; actual: number }
  | { code: 'REGION_CEILING_EXCEEDED'; limit: number; actual: number };

const vacantOf = (q: QuotaState) => q.approved - q.occupied - q.reserved;
const EMPTY: QuotaState = { approved: 0, occupied: 0, reserved: 0 };

/**
 * The rules of dynamic management (DESIGN §3.6), on the figures a movement found: quota only moves,
 * it is never made. A reclaim takes vacancies only (never a post someone holds or an approval has
 * reserved); an allocation never gives more than the pool holds; a transfer never leaves the source
 * below what it uses (occupied + reserved, after the moving persons left), and persons who move need
 * room at the target; a change of level keeps the receiving level within its ceiling. Returns the
 * first rule broken, or null.
 */
export function quotaMovementProblem(facts: QuotaMovementFacts): QuotaMovementProblem | null {
  const { kind, amount } = facts;
  if (!Number.isInteger(amount) || amount < 1) return { code: 'INVALID_AMOUNT' };
  const moving = facts.moving ?? 0;
  if (kind === 'RECLAIM' || kind === 'TRANSFER') {
    const source = facts.source;
    if (!source) return { code: 'NO_QUOTA' };
    if (kind === 'RECLAIM' && vacantOf(source) < amount) return { code: 'NO_VACANCY', side: 'SOURCE', limit: Math.max(0, vacantOf(source)), actual: amount };
    const mayGo = source.approved - (source.occupied - moving) - source.reserved;
    if (kind === 'TRANSFER' && mayGo < amount) return { code: 'OVER_QUOTA', limit: Math.max(0, mayGo), actual: amount };
  }
  if (kind === 'ALLOCATE' && (facts.pool ?? 0) < amount) return { code: 'POOL_INSUFFICIENT', limit: facts.pool ?? 0, actual: amount };
  if (kind === 'TRANSFER' && moving > 0) {
    const room = vacantOf(facts.target ?? EMPTY) + amount;
    if (room < moving) return { code: 'NO_VACANCY', side: 'TARGET', limit: Math.max(0, room), actual: moving };
  }
  const level = facts.receivingLevel;
  if (level && level.ceiling !== null && level.total + amount > level.ceiling) {
    return { code: 'REGION_CEILING_EXCEEDED', limit: Math.max(0, level.ceiling - level.total), actual: amount };
  }
  return null;
}
