import { describe, expect, it } from 'vitest';
import { regionQuotaTotals } from './regionQuotaTotals.ts';

describe('regionQuotaTotals', () => {
  it('adds the pool to the institutions’ approved quotas per category and level, beside the ceiling', () => {
    const totals = regionQuotaTotals(
      [
        { category: 'PUBLIC_SERVICE', level: 'TOWNSHIP', approved: 40 },
        { category: 'PUBLIC_SERVICE', level: 'CITY', approved: 120 },
        { category: 'ADMINISTRATIVE', level: 'CITY', approved: 30 },
      ],
      [
        { category: 'PUBLIC_SERVICE', level: 'CITY', available: 5 },
        { category: 'WORKER', level: 'DISTRICT', available: 2 },
      ],
      [{ category: 'PUBLIC_SERVICE', level: 'CITY', ceiling: 130, documentNumber: '豫编〔2026〕1号' }],
    );
    expect(totals).toEqual([
      { category: 'ADMINISTRATIVE', level: 'CITY', institutionsApproved: 30, pool: 0, total: 30, ceiling: null, ceilingDocumentNumber: null },
      { category: 'PUBLIC_SERVICE', level: 'CITY', institutionsApproved: 120, pool: 5, total: 125, ceiling: 130, ceilingDocumentNumber: '豫编〔2026〕1号' },
      { category: 'PUBLIC_SERVICE', level: 'TOWNSHIP', institutionsApproved: 40, pool: 0, total: 40, ceiling: null, ceilingDocumentNumber: null },
      { category: 'WORKER', level: 'DISTRICT', institutionsApproved: 0, pool: 2, total: 2, ceiling: null, ceilingDocumentNumber: null },
    ]);
  });
});
