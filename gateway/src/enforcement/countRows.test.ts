import { describe, expect, it } from 'vitest';
import { countRows } from './countRows.ts';

describe('countRows', () => {
  it('counts every object below the root, in lists and nested, and no leaf, null or root', () => {
    const data = {
      institution: {
        name: '中州市人民医院',
        budgetUnit: null,
        quotas: [{ category: 'A' }, { category: 'B' }],
        workforce: { totalCount: 2, nodes: [{ person: { name: '甲', cadre: null } }, { person: { name: '乙', cadre: { post: '院长' } } }] },
      },
      tags: ['a', 'b'],
    };
    // institution, 2 quotas, workforce, 2 nodes, 2 persons, 1 cadre
    expect(countRows(data)).toBe(9);
    expect(countRows({ list: [[{ a: 1 }], [{ a: 2 }, null]] })).toBe(2);
    expect(countRows(null)).toBe(0);
    expect(countRows({ n: 1, s: 'x' })).toBe(0);
  });
});
