import { describe, expect, it } from 'vitest';
import { quotaMovementProblem } from './quotaMovementProblem.ts';

const q = (approved: number, occupied: number, reserved = 0) => ({ approved, occupied, reserved });

describe('quotaMovementProblem', () => {
  it('refuses an amount that is not a whole number of at least 1', () => {
    for (const amount of [0, -1, 1.5]) expect(quotaMovementProblem({ kind: 'RECLAIM', amount, source: q(5, 1) })).toEqual({ code: 'INVALID_AMOUNT' });
  });

  it('reclaims vacancies only: not a held post, not a reserved one', () => {
    expect(quotaMovementProblem({ kind: 'RECLAIM', amount: 3, source: q(5, 1, 1) })).toBeNull();
    expect(quotaMovementProblem({ kind: 'RECLAIM', amount: 4, source: q(5, 1, 1) })).toEqual({ code: 'NO_VACANCY', side: 'SOURCE', limit: 3, actual: 4 });
    expect(quotaMovementProblem({ kind: 'RECLAIM', amount: 1, source: q(2, 3) })).toEqual({ code: 'NO_VACANCY', side: 'SOURCE', limit: 0, actual: 1 });
    expect(quotaMovementProblem({ kind: 'RECLAIM', amount: 1, source: null })).toEqual({ code: 'NO_QUOTA' });
  });

  it('allocates no more than the pool holds', () => {
    expect(quotaMovementProblem({ kind: 'ALLOCATE', amount: 2, pool: 2, target: null })).toBeNull();
    expect(quotaMovementProblem({ kind: 'ALLOCATE', amount: 3, pool: 2 })).toEqual({ code: 'POOL_INSUFFICIENT', limit: 2, actual: 3 });
  });

  it('never leaves the source below its occupied + reserved; persons who move take their posts with them', () => {
    expect(quotaMovementProblem({ kind: 'TRANSFER', amount: 2, source: q(10, 7, 1), target: q(0, 0) })).toBeNull();
    expect(quotaMovementProblem({ kind: 'TRANSFER', amount: 3, source: q(10, 7, 1), target: q(0, 0) })).toEqual({ code: 'OVER_QUOTA', limit: 2, actual: 3 });
    expect(quotaMovementProblem({ kind: 'TRANSFER', amount: 3, moving: 1, source: q(10, 7, 1), target: q(0, 0) })).toBeNull();
    expect(quotaMovementProblem({ kind: 'TRANSFER', amount: 1, source: null, target: q(3, 3) })).toEqual({ code: 'NO_QUOTA' });
  });

  it('needs room at the target for the persons who move', () => {
    expect(quotaMovementProblem({ kind: 'TRANSFER', amount: 2, moving: 3, source: q(10, 10), target: q(4, 3) })).toBeNull();
    expect(quotaMovementProblem({ kind: 'TRANSFER', amount: 2, moving: 3, source: q(10, 10), target: q(4, 4) })).toEqual({
      code: 'NO_VACANCY',
      side: 'TARGET',
      limit: 2,
      actual: 3,
    });
    // Without persons, a target already over quota may still receive quota (it gets better, not worse).
    expect(quotaMovementProblem({ kind: 'TRANSFER', amount: 1, source: q(5, 2), target: q(2, 4) })).toBeNull();
  });

  it('keeps a level that receives quota from another level within its ceiling', () => {
    const facts = { kind: 'TRANSFER' as const, amount: 3, source: q(10, 2), target: q(5, 5) };
    expect(quotaMovementProblem({ ...facts, receivingLevel: { total: 97, ceiling: 100 } })).toBeNull();
    expect(quotaMovementProblem({ ...facts, receivingLevel: { total: 98, ceiling: 100 } })).toEqual({ code: 'REGION_CEILING_EXCEEDED', limit: 2, actual: 3 });
    expect(quotaMovementProblem({ ...facts, receivingLevel: { total: 500, ceiling: null } })).toBeNull();
    expect(quotaMovementProblem({ kind: 'ALLOCATE', amount: 2, pool: 5, receivingLevel: { total: 100, ceiling: 100 } })).toEqual({
      code: 'REGION_CEILING_EXCEEDED',
      limit: 0,
      actual: 2,
    });
  });
});
